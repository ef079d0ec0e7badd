"""E-agriculture: weather and market-price apps, smart-farm sensors, selling produce."""

from .blocks import callout, h, ol, p, ul

COURSE = {
    "slug": "digital-farming",
    "topic": "eagriculture",
    "minutes": 90,
    "competencies": [("D3", 1), ("D2", 1)],
    "th": {
        "title": "เกษตรดิจิทัลสำหรับชุมชน",
        "summary": (
            "ใช้แอปพยากรณ์อากาศและราคาสินค้าเกษตร รู้จักเซนเซอร์ฟาร์มอัจฉริยะ "
            "และขายผลผลิตตรงถึงผู้บริโภค"
        ),
        "description": (
            "<p>เกษตรกรในชุมชนมีโทรศัพท์มือถืออยู่ในมือแทบทุกคน "
            "แต่ยังใช้ข้อมูลดิจิทัลช่วยตัดสินใจเรื่องการปลูกและการขายได้ไม่เต็มที่</p>"
            "<p>หลักสูตรนี้ให้อาสาสมัครดิจิทัลแนะนำเกษตรกรใช้พยากรณ์อากาศวางแผนงานในแปลง "
            "ติดตามราคาเพื่อต่อรองกับพ่อค้าคนกลาง ทดลองเซนเซอร์ความชื้นดินอย่างคุ้มค่า "
            "และขายผลผลิตผ่านกลุ่มออนไลน์ของชุมชน</p>"
        ),
    },
    "en": {
        "title": "Digital farming for the community",
        "summary": (
            "Use weather and farm-price apps, get to know smart-farm sensors, and "
            "sell produce direct to consumers."
        ),
        "description": (
            "<p>Almost every farmer in the community has a mobile phone, but few "
            "yet use digital information to decide what to plant and when to "
            "sell.</p>"
            "<p>This course prepares digital volunteers to help farmers plan field "
            "work with weather forecasts, follow prices to bargain with middlemen, "
            "try soil-moisture sensors without wasting money, and sell produce "
            "through the community's online groups.</p>"
        ),
    },
    "modules": [
        {
            "slug": "farm-apps",
            "th": {
                "title": "แอปพลิเคชันเพื่อเกษตรกร",
                "intro": "ใช้ข้อมูลอากาศและราคาสินค้าเกษตรในมือถือเพื่อวางแผนงานในแปลงและการขาย",
            },
            "en": {
                "title": "Apps for farmers",
                "intro": "Weather and price information on the phone, for planning field work and sales.",
            },
            "lessons": [
                {
                    "slug": "weather",
                    "minutes": 12,
                    "th": "พยากรณ์อากาศเพื่อวางแผนเพาะปลูก",
                    "en": "Weather forecasts for planting",
                    "body": [
                        p(
                            "สภาพอากาศเป็นปัจจัยที่เกษตรกรควบคุมไม่ได้ แต่รู้ล่วงหน้าได้ "
                            "กรมอุตุนิยมวิทยามีแอปพลิเคชันและเว็บไซต์ tmd.go.th "
                            "ที่บอกโอกาสเกิดฝน ปริมาณฝน อุณหภูมิ และความเร็วลมล่วงหน้าหลายวัน "
                            "รวมถึงประกาศเตือนพายุและฝนตกหนักรายจังหวัด "
                            "เกษตรกรใช้ข้อมูลนี้เลือกวันหว่าน วันใส่ปุ๋ย วันพ่นยา และวันเก็บเกี่ยว "
                            "เพื่อลดความเสียหายและไม่เสียเงินเปล่า",
                            "Weather is something farmers cannot control, but they can know "
                            "it in advance. The Thai Meteorological Department (TMD) has an "
                            "app and the website tmd.go.th with the chance and amount of "
                            "rain, temperature and wind several days ahead, plus storm and "
                            "heavy-rain warnings for each province. Farmers use them to "
                            "choose days for sowing, fertilising, spraying and harvesting, "
                            "cutting losses and wasted money.",
                        ),
                        h("อ่านพยากรณ์ให้เป็น", "Reading a forecast"),
                        ul(
                            [
                                "<b>โอกาสเกิดฝน 60%</b> หมายถึงพื้นที่ส่วนใหญ่มีโอกาสเจอฝน ไม่ใช่ฝนตก 60% ของวัน",
                                "<b>ปริมาณฝนเป็นมิลลิเมตร</b> ต่ำกว่า 10 มม. คือฝนเล็กน้อย เกิน 35 มม. คือฝนหนัก",
                                "<b>ความเร็วลม</b> ถ้าเกิน 15 กม./ชม. ละอองยาจะปลิวออกนอกแปลง",
                                "<b>พยากรณ์ล่วงหน้า</b> ยิ่งไกลยิ่งคลาดเคลื่อน ควรดูซ้ำทุกเช้า",
                            ],
                            [
                                "<b>A 60% chance of rain</b> means most of the area is likely to see rain, not that it rains 60% of the day",
                                "<b>Rainfall in millimetres</b>: under 10 mm is light, over 35 mm is heavy",
                                "<b>Wind speed</b>: above 15 km/h, spray drifts out of the field",
                                "<b>Forecasts further ahead</b> are less certain: check again every morning",
                            ],
                        ),
                        p(
                            "นอกจากพยากรณ์รายวันแล้ว ควรดูการคาดหมายฝนรายเดือนและรายฤดู "
                            "ก่อนตัดสินใจวันเริ่มปลูกข้าวหรือพืชไร่ "
                            "ถ้าคาดว่าฝนจะมาช้าหรือน้อยกว่าปกติ อาจเลือกพันธุ์ที่อายุสั้น "
                            "หรือเตรียมแหล่งน้ำสำรองไว้ก่อน",
                            "Besides the daily forecast, look at the monthly and seasonal "
                            "rain outlook before deciding when to start planting rice or "
                            "field crops. If rain is expected late or below normal, choose a "
                            "shorter-lived variety or prepare a back-up water source first.",
                        ),
                        callout(
                            "tip",
                            "พ่นยาเมื่อไม่มีฝน",
                            "Spray when it's dry",
                            "ถ้าพยากรณ์ว่าจะมีฝนภายใน 6 ชั่วโมง ให้เลื่อนการพ่นยาหรือใส่ปุ๋ยทางใบ "
                            "เพราะฝนจะชะล้างสารออกไปก่อนออกฤทธิ์ เสียทั้งเงินและสิ่งแวดล้อม",
                            "If rain is forecast within six hours, postpone spraying or "
                            "foliar feeding: rain washes it off before it works, wasting "
                            "money and harming the environment.",
                        ),
                    ],
                },
                {
                    "slug": "market-prices",
                    "minutes": 12,
                    "th": "ติดตามราคาสินค้าเกษตร",
                    "en": "Following farm prices",
                    "body": [
                        p(
                            "ราคาพืชผลเปลี่ยนทุกวันตามฤดูกาลและปริมาณผลผลิตในตลาด "
                            "เกษตรกรที่ไม่รู้ราคามักต้องขายตามที่พ่อค้าคนกลางกำหนด "
                            "การดูราคาจากแหล่งที่เชื่อถือได้ก่อนขาย "
                            "ช่วยให้ต่อรองได้อย่างมีข้อมูล และเลือกช่วงเวลาขายที่เหมาะสม",
                            "Crop prices change every day with the season and the amount on "
                            "the market. Farmers who don't know the price usually have to "
                            "accept whatever the middleman offers. Checking prices from "
                            "reliable sources before selling lets them bargain with facts "
                            "and choose a good time to sell.",
                        ),
                        h("แหล่งข้อมูลราคา", "Where to find prices"),
                        ul(
                            [
                                "สำนักงานเศรษฐกิจการเกษตร (สศก.) รายงานราคาที่เกษตรกรขายได้ รายสัปดาห์และรายเดือน",
                                "กรมการค้าภายในประกาศราคาสินค้าเกษตรสำคัญ เช่น ข้าว มันสำปะหลัง และข้าวโพด",
                                "ตลาดกลางสินค้าเกษตรขนาดใหญ่ประกาศราคาขายส่งผักผลไม้ทุกวัน",
                                "สหกรณ์การเกษตรและโรงสีในพื้นที่ ซึ่งบอกราคารับซื้อจริงในอำเภอ",
                            ],
                            [
                                "The Office of Agricultural Economics (OAE) reports farm-gate prices weekly and monthly",
                                "The Department of Internal Trade announces prices of key crops such as rice, cassava and maize",
                                "Large central wholesale markets publish fruit and vegetable prices daily",
                                "Local farm cooperatives and rice mills, which give the real buying price in the district",
                            ],
                        ),
                        p(
                            "ราคาที่ประกาศเป็นราคาเฉลี่ยหรือราคาขายส่งในตลาดใหญ่ "
                            "ราคาที่ขายได้ในหมู่บ้านจะต่ำกว่าเพราะมีค่าขนส่งและค่าคัดเกรด "
                            "จึงควรดูแนวโน้มว่าราคากำลังขึ้นหรือลง "
                            "มากกว่าจะคาดหวังให้ได้ราคาเท่าตัวเลขที่ประกาศทุกบาท",
                            "Published prices are averages or wholesale prices in big "
                            "markets; the village price is lower because of transport and "
                            "grading. Watch whether the trend is up or down, rather than "
                            "expecting to get the published figure to the last baht.",
                        ),
                        callout(
                            "tip",
                            "จดบันทึกราคา",
                            "Keep a price log",
                            "จดราคาที่ขายได้จริงทุกครั้งในสมุดหรือแอปบันทึก แล้วเทียบกับราคาตลาด "
                            "ผ่านไปหนึ่งปีจะรู้ว่าช่วงไหนควรขาย และช่วงไหนควรเก็บผลผลิตไว้ก่อน",
                            "Write down every real sale price in a notebook or an app and "
                            "compare it with market prices. After a year you'll know when to "
                            "sell and when to hold produce back.",
                        ),
                        p(
                            "อาสาสมัครช่วยได้โดยตั้งกลุ่มไลน์ของหมู่บ้าน "
                            "แบ่งปันราคาที่ตรวจสอบแล้วทุกเช้า พร้อมบอกแหล่งที่มา "
                            "และเตือนเมื่อมีข่าวลือเรื่องราคาที่ไม่มีแหล่งอ้างอิง",
                            "Volunteers can help by running a village LINE group that shares "
                            "checked prices every morning with their source, and flags price "
                            "rumours that cite none.",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "smart-farm",
            "th": {
                "title": "ฟาร์มอัจฉริยะเบื้องต้น",
                "intro": "เซนเซอร์ในแปลงเกษตร และการขายผลผลิตตรงถึงผู้บริโภค",
            },
            "en": {
                "title": "Smart farming basics",
                "intro": "Sensors in the field, and selling produce direct to consumers.",
            },
            "lessons": [
                {
                    "slug": "sensors",
                    "minutes": 15,
                    "th": "เซนเซอร์ความชื้นดินและระบบน้ำอัตโนมัติ",
                    "en": "Soil-moisture sensors and automatic watering",
                    "body": [
                        p(
                            "ฟาร์มอัจฉริยะ (smart farm) ไม่จำเป็นต้องเป็นโรงเรือนราคาแพง "
                            "หัวใจของมันคือการวัดค่าจริงในแปลงแทนการคาดเดา "
                            "เซนเซอร์ความชื้นในดินวัดว่าดินแห้งแค่ไหน แล้วส่งข้อมูลผ่านไวไฟหรือซิมการ์ดเข้ามือถือ "
                            "เมื่อต่อกับปั๊มน้ำหรือโซลินอยด์วาล์ว ระบบจะรดน้ำเองเมื่อความชื้นต่ำกว่าค่าที่ตั้งไว้ "
                            "ช่วยประหยัดน้ำ ค่าไฟ และแรงงาน",
                            "A smart farm doesn't have to be an expensive greenhouse. At its "
                            "heart is measuring the field instead of guessing. A soil-moisture "
                            "sensor measures how dry the soil is and sends the reading over "
                            "Wi-Fi or a SIM card to a phone. Connected to a pump or a "
                            "solenoid valve, the system waters by itself when moisture falls "
                            "below the level you set, saving water, electricity and labour.",
                        ),
                        h("ส่วนประกอบของระบบ", "The parts of the system"),
                        ol(
                            [
                                "<b>เซนเซอร์</b> ปักลงดินในระดับรากพืช วัดความชื้น และบางรุ่นวัดอุณหภูมิด้วย",
                                "<b>ตัวควบคุม</b> กล่องเล็ก ๆ ที่อ่านค่าเซนเซอร์และสั่งเปิดปิดน้ำ",
                                "<b>การเชื่อมต่อ</b> ไวไฟในบ้าน หรือซิมการ์ดถ้าแปลงอยู่ไกล",
                                "<b>แอปในมือถือ</b> ดูกราฟความชื้น ตั้งค่า และรับการแจ้งเตือน",
                            ],
                            [
                                "<b>Sensor</b>: pushed into the soil at root depth; measures moisture, some models temperature too",
                                "<b>Controller</b>: a small box that reads the sensor and turns the water on and off",
                                "<b>Connection</b>: home Wi-Fi, or a SIM card if the field is far away",
                                "<b>Phone app</b>: moisture charts, settings and alerts",
                            ],
                        ),
                        p(
                            "เริ่มจากแปลงเล็ก ๆ หนึ่งแปลงก่อน เปรียบเทียบปริมาณน้ำ ค่าไฟ "
                            "และผลผลิตกับแปลงที่รดน้ำแบบเดิมตลอดหนึ่งฤดูกาล แล้วจึงตัดสินใจขยาย "
                            "ชุดเซนเซอร์ราคาไม่แพงหาได้จากร้านอุปกรณ์การเกษตร "
                            "และบางพื้นที่มีโครงการของรัฐหรือมหาวิทยาลัยที่ให้ยืมทดลองใช้",
                            "Start with one small plot and compare water, electricity and "
                            "yield with a traditionally watered plot for a whole season "
                            "before expanding. Low-cost sensor kits are sold by farm-supply "
                            "shops, and in some areas government or university projects lend "
                            "them for trials.",
                        ),
                        callout(
                            "warning",
                            "ดูแลอุปกรณ์",
                            "Look after the kit",
                            "ทำความสะอาดหัวเซนเซอร์และตรวจแบตเตอรี่ทุกเดือน "
                            "ค่าที่ผิดเพี้ยนอาจทำให้รดน้ำมากหรือน้อยเกินไป "
                            "และควรเดินดูแปลงจริงควบคู่กับการดูแอปเสมอ",
                            "Clean the sensor probe and check the batteries every month: "
                            "wrong readings mean too much or too little water. And always "
                            "walk the field as well as watching the app.",
                        ),
                    ],
                },
                {
                    "slug": "selling-produce",
                    "minutes": 12,
                    "th": "ขายผลผลิตตรงถึงผู้บริโภค",
                    "en": "Selling produce direct to consumers",
                    "body": [
                        p(
                            "การขายผ่านพ่อค้าคนกลางสะดวก แต่ส่วนต่างราคามักตกอยู่กับคนกลาง "
                            "เกษตรกรที่รวมกลุ่มกันขายตรงผ่านเพจเฟซบุ๊กหรือกลุ่มไลน์ของชุมชน "
                            "ได้ราคาดีกว่าและรู้จักลูกค้าของตนเอง "
                            "ผักปลอดสาร ผลไม้ตามฤดูกาล และข้าวจากนาของตนเอง "
                            "เป็นสินค้าที่คนในเมืองยินดีจ่ายเพิ่มถ้ารู้ว่ามาจากไหน",
                            "Selling through middlemen is convenient, but the price gap "
                            "usually stays with them. Farmers who group together and sell "
                            "direct through a Facebook page or a community LINE group get "
                            "better prices and get to know their own customers. Chemical-free "
                            "vegetables, seasonal fruit and rice from your own field are "
                            "things town customers will pay more for when they know where "
                            "they come from.",
                        ),
                        ul(
                            [
                                "ถ่ายภาพผลผลิตในสวนจริง บอกวันที่เก็บและวิธีปลูก",
                                "ประกาศรอบส่งที่แน่นอน เช่น ทุกวันพุธและวันเสาร์",
                                "รับจองล่วงหน้า เก็บเฉพาะที่ขายได้ ลดผลผลิตเหลือทิ้ง",
                                "ใช้แบบฟอร์มออนไลน์รับคำสั่งซื้อ เพื่อไม่ให้ตกหล่นในแชต",
                            ],
                            [
                                "Photograph produce in the real garden and give the picking date and how it was grown",
                                "Announce fixed delivery rounds, say every Wednesday and Saturday",
                                "Take pre-orders and pick only what is sold, so less goes to waste",
                                "Collect orders with an online form so none get lost in the chat",
                            ],
                        ),
                        p(
                            "ผลผลิตสดต้องถึงมือลูกค้าเร็ว จึงเหมาะกับการส่งในจังหวัดหรือจุดนัดรับ "
                            "เช่น หน้าโรงเรียนหรือตลาดนัดในเมือง "
                            "ส่วนผลผลิตแปรรูปที่เก็บได้นาน เช่น ข้าวสาร กล้วยตาก หรือผลไม้อบแห้ง "
                            "ส่งทางไปรษณีย์ไปได้ทั่วประเทศ",
                            "Fresh produce must reach customers quickly, so it suits deliveries "
                            "within the province or pick-up points such as a school gate or "
                            "a town market. Processed goods that keep, such as milled rice, "
                            "dried bananas or dried fruit, can be posted anywhere in the "
                            "country.",
                        ),
                        callout(
                            "info",
                            "เรื่องราวสร้างความเชื่อใจ",
                            "A story builds trust",
                            "แนะนำตัวเกษตรกรผู้ปลูก เล่าวิธีดูแลแปลง และตอบคำถามลูกค้าอย่างจริงใจ "
                            "ลูกค้าที่เชื่อใจจะกลายเป็นลูกค้าประจำ",
                            "Introduce the farmer who grew it, explain how the field is "
                            "looked after and answer questions honestly: customers who trust "
                            "you become regulars.",
                        ),
                    ],
                },
            ],
        },
    ],
}
