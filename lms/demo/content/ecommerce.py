"""E-commerce: selling community products online, pricing, shipping and payment."""

from .blocks import callout, h, ol, p, ul

COURSE = {
    "slug": "selling-online",
    "topic": "ecommerce",
    "minutes": 120,
    "competencies": [("D2", 2), ("B2", 1)],
    "th": {
        "title": "ขายสินค้าชุมชนออนไลน์",
        "summary": ("เปิดร้านออนไลน์ ถ่ายภาพสินค้า ตั้งราคา คิดค่าขนส่ง และรับชำระเงินอย่างปลอดภัย"),
        "description": (
            "<p>สำหรับอาสาสมัครที่ช่วยวิสาหกิจชุมชน กลุ่มแม่บ้าน และผู้ผลิตรายย่อย "
            "นำสินค้าท้องถิ่น เช่น ผ้าทอ น้ำพริก ข้าวกล้อง หรือเครื่องจักสาน ขึ้นขายออนไลน์</p>"
            "<p>เรียนตั้งแต่การเลือกช่องทางขาย การถ่ายภาพและเขียนคำบรรยายให้ลูกค้าเชื่อใจ "
            "การคิดราคาให้มีกำไรจริงหลังหักค่าธรรมเนียมและค่าส่ง "
            "ไปจนถึงการรับเงินโดยไม่ถูกสลิปปลอมหลอก</p>"
        ),
    },
    "en": {
        "title": "Selling community products online",
        "summary": (
            "Open an online shop, photograph products, set prices, work out shipping "
            "and take payments safely."
        ),
        "description": (
            "<p>For volunteers helping community enterprises, women's groups and "
            "small producers sell local products such as hand-woven cloth, chilli "
            "paste, brown rice or basketry online.</p>"
            "<p>You will learn to choose a sales channel, take photos and write "
            "descriptions customers trust, price for a real profit after fees and "
            "shipping, and get paid without being fooled by fake transfer slips.</p>"
        ),
    },
    "modules": [
        {
            "slug": "open-shop",
            "th": {
                "title": "เปิดร้านออนไลน์",
                "intro": "เลือกช่องทางขายที่เหมาะกับสินค้า และเตรียมภาพกับคำบรรยายให้น่าซื้อ",
            },
            "en": {
                "title": "Opening an online shop",
                "intro": "Choosing the right channel, and preparing photos and descriptions that sell.",
            },
            "lessons": [
                {
                    "slug": "choose-channel",
                    "minutes": 12,
                    "th": "เลือกช่องทางขายให้เหมาะกับสินค้า",
                    "en": "Choosing the right sales channel",
                    "body": [
                        p(
                            "สินค้าชุมชนขายออนไลน์ได้หลายช่องทาง ทั้งเพจเฟซบุ๊ก "
                            "บัญชีไลน์ทางการ (LINE OA) แพลตฟอร์มตลาดออนไลน์อย่าง Shopee และ Lazada "
                            "และการไลฟ์ขายของบน TikTok แต่ละช่องทางมีค่าธรรมเนียม "
                            "วิธีหาลูกค้า และงานดูแลหลังการขายต่างกัน "
                            "ไม่จำเป็นต้องเปิดทุกช่องทางพร้อมกัน "
                            "ควรเริ่มจากช่องทางที่ลูกค้าเดิมใช้อยู่แล้ว และที่ผู้ผลิตดูแลไหว",
                            "Community products can be sold through a Facebook page, a LINE "
                            "Official Account (LINE OA), marketplaces such as Shopee and "
                            "Lazada, or live selling on TikTok. Each channel has different "
                            "fees, ways of finding customers and after-sales work. There is "
                            "no need to open them all at once: start where your existing "
                            "customers already are, and where the producers can keep up.",
                        ),
                        ul(
                            [
                                "<b>เพจเฟซบุ๊ก:</b> เริ่มได้ทันที ไม่มีค่าธรรมเนียมการขาย เหมาะกับการเล่าเรื่องราวของชุมชน",
                                "<b>LINE OA:</b> ดูแลลูกค้าประจำ แจ้งรอบผลิตใหม่และโปรโมชันได้ตรงตัว",
                                "<b>ตลาดออนไลน์:</b> มีลูกค้าทั่วประเทศ มีระบบชำระเงินและขนส่งในตัว แต่หักค่าธรรมเนียมต่อรายการ",
                                "<b>ไลฟ์ขายของ:</b> ลูกค้าเห็นสินค้าจริงและถามได้ทันที แต่ต้องมีคนพูดเก่งและสัญญาณอินเทอร์เน็ตดี",
                            ],
                            [
                                "<b>Facebook page:</b> start today with no sales fee; good for telling the community's story",
                                "<b>LINE OA:</b> look after regular customers and tell them directly about new batches and offers",
                                "<b>Marketplaces:</b> customers nationwide, built-in payment and shipping, but a fee on every order",
                                "<b>Live selling:</b> customers see the real product and ask questions at once, but you need a confident presenter and a good connection",
                            ],
                        ),
                        p(
                            "ก่อนตัดสินใจ ลองนั่งคุยกับกลุ่มผู้ผลิตว่า ผลิตได้เดือนละเท่าไร "
                            "ใครจะตอบแชตลูกค้า และใครจะแพ็กของไปส่ง "
                            "ถ้ายังผลิตได้น้อย เพจเฟซบุ๊กกับ LINE OA ก็เพียงพอ "
                            "เมื่อมีสินค้าพร้อมส่งสม่ำเสมอแล้ว จึงค่อยเปิดร้านบนตลาดออนไลน์เพิ่ม",
                            "Before deciding, sit down with the producers and ask: how much "
                            "can we make a month, who will answer customers' chats, and who "
                            "will pack and post orders? If output is small, a Facebook page "
                            "and a LINE OA are enough. Once goods are reliably in stock, "
                            "add a marketplace shop.",
                        ),
                        callout(
                            "info",
                            "เริ่มเล็ก ๆ แต่ทำให้ดี",
                            "Start small, but do it well",
                            "เปิดช่องทางเดียวให้ดีก่อน ตอบแชตลูกค้าภายในหนึ่งวัน "
                            "ส่งของตรงเวลา แล้วรีวิวดี ๆ จะพาลูกค้าใหม่มาเอง",
                            "Run one channel well first: answer chats within a day and ship "
                            "on time, and good reviews will bring new customers by themselves.",
                        ),
                    ],
                },
                {
                    "slug": "product-photos",
                    "minutes": 15,
                    "th": "ถ่ายภาพและเขียนคำบรรยายสินค้า",
                    "en": "Product photos and descriptions",
                    "body": [
                        p(
                            "ลูกค้าออนไลน์จับสินค้าไม่ได้ ภาพถ่ายจึงทำหน้าที่แทนมือและตาของลูกค้า "
                            "ภาพที่ดีไม่ต้องใช้กล้องราคาแพง โทรศัพท์มือถือทั่วไปก็ถ่ายได้สวย "
                            "ถ้าใช้แสงธรรมชาติจากหน้าต่างหรือใต้ร่มไม้ พื้นหลังเรียบ เช่น ผ้าขาวหรือโต๊ะไม้ "
                            "และเช็ดเลนส์กล้องก่อนถ่ายทุกครั้ง",
                            "Online customers cannot touch the product, so photos do the job "
                            "of their hands and eyes. Good photos don't need an expensive "
                            "camera: an ordinary phone does well with daylight from a window "
                            "or under a tree, a plain background such as white cloth or a "
                            "wooden table, and a lens wiped clean before every shot.",
                        ),
                        h("ภาพที่ควรมีในทุกสินค้า", "Photos every product needs"),
                        ol(
                            [
                                "ภาพหลักด้านหน้า เห็นสินค้าชัดเต็มกรอบ",
                                "ภาพที่บอกขนาดจริง เช่น วางคู่กับมือ เหรียญ หรือแก้วน้ำ",
                                "ภาพใกล้ให้เห็นเนื้อผ้า ลวดลาย หรือเนื้อสัมผัส",
                                "ภาพฉลาก วันผลิต และวันหมดอายุ สำหรับสินค้าอาหาร",
                                "ภาพคนในชุมชนขณะผลิต เพื่อเล่าเรื่องราว",
                            ],
                            [
                                "A main front view filling the frame",
                                "A photo showing real size, next to a hand, a coin or a glass",
                                "A close-up of the weave, pattern or texture",
                                "The label, production and expiry dates, for food products",
                                "People of the community making it, to tell its story",
                            ],
                        ),
                        p(
                            "คำบรรยายสินค้าควรตอบคำถามที่ลูกค้ามักถามในแชต "
                            "ได้แก่ ทำจากอะไร ขนาดและน้ำหนักเท่าไร เก็บได้นานแค่ไหน "
                            "ใช้หรือดูแลอย่างไร และส่งได้ภายในกี่วัน ถ้าสินค้ามีเลขสารบบอาหาร (อย.) "
                            "หรือได้รับมาตรฐานผลิตภัณฑ์ชุมชน (มผช.) ให้ระบุไว้ด้วย เพราะช่วยสร้างความเชื่อมั่น",
                            "The description should answer what customers usually ask in "
                            "chat: what it is made of, its size and weight, how long it "
                            "keeps, how to use or care for it, and how many days delivery "
                            "takes. If the product has a Thai FDA number or the community "
                            "product standard (มผช.), say so: it builds confidence.",
                        ),
                        callout(
                            "tip",
                            "เรื่องเล่าขายได้",
                            "Stories sell",
                            "เล่าสั้น ๆ ว่าใครทำ ทำอย่างไร และรายได้ช่วยชุมชนอย่างไร "
                            "ลูกค้ามักเลือกสินค้าที่มีเรื่องราวและใบหน้าของผู้ผลิต",
                            "Say briefly who makes it, how, and how the income helps the "
                            "community: customers often choose products with a story and a "
                            "maker's face behind them.",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "price-ship-pay",
            "th": {
                "title": "ราคา ขนส่ง และการชำระเงิน",
                "intro": "คิดราคาให้มีกำไรจริง เลือกวิธีส่งของ และรับเงินอย่างปลอดภัย",
            },
            "en": {
                "title": "Price, shipping and payment",
                "intro": "Pricing for a real profit, choosing how to ship, and getting paid safely.",
            },
            "lessons": [
                {
                    "slug": "pricing",
                    "minutes": 15,
                    "th": "ตั้งราคาให้มีกำไรจริง",
                    "en": "Setting a price that really pays",
                    "body": [
                        p(
                            "ผู้ผลิตในชุมชนหลายรายตั้งราคาตามร้านข้างเคียง "
                            "แล้วพบภายหลังว่าขายยิ่งมากยิ่งขาดทุน "
                            "เพราะลืมนับค่าแรงของตนเอง ค่าบรรจุภัณฑ์ "
                            "และค่าธรรมเนียมของแพลตฟอร์ม ราคาขายที่ดีต้องครอบคลุมต้นทุนทั้งหมด "
                            "และยังเหลือกำไรไว้พัฒนากลุ่ม",
                            "Many community producers copy the prices of neighbouring "
                            "shops, then find that the more they sell the more they lose, "
                            "because they forgot their own labour, the packaging and the "
                            "platform's fees. A good price covers every cost and still leaves "
                            "a profit to build up the group.",
                        ),
                        h("ต้นทุนที่ต้องนับ", "Costs to count"),
                        ul(
                            [
                                "วัตถุดิบต่อชิ้น",
                                "ค่าแรง คิดเป็นชั่วโมงที่ใช้ทำจริง",
                                "บรรจุภัณฑ์ ฉลาก และสติกเกอร์",
                                "ค่าธรรมเนียมแพลตฟอร์มและค่าธรรมเนียมการชำระเงิน",
                                "กำไรที่กลุ่มต้องการ",
                            ],
                            [
                                "Materials per piece",
                                "Labour, counted as the hours it really takes",
                                "Packaging, labels and stickers",
                                "Platform and payment fees",
                                "The profit the group wants",
                            ],
                        ),
                        p(
                            "ตัวอย่าง: น้ำพริกหนึ่งกระปุกมีต้นทุนวัตถุดิบ ค่าแรง และบรรจุภัณฑ์รวม 60 บาท "
                            "กลุ่มต้องการกำไร 30 บาท และตลาดออนไลน์หักค่าธรรมเนียม 5% ของราคาขาย "
                            "ให้นำ 60 + 30 = 90 บาท หารด้วย 0.95 ได้ประมาณ 94.7 บาท "
                            "จึงควรตั้งราคาขาย 95 บาท ถ้าตั้งราคา 90 บาทจะได้กำไรจริงเพียง 25.5 บาท",
                            "Example: a jar of chilli paste costs 60 baht in materials, "
                            "labour and packaging. The group wants 30 baht profit and the "
                            "marketplace takes 5% of the selling price. Take 60 + 30 = 90 "
                            "baht and divide by 0.95 to get about 94.7 baht, so the price "
                            "should be 95 baht. At 90 baht the real profit would be only "
                            "25.5 baht.",
                        ),
                        p(
                            "เมื่อได้ราคาแล้ว ให้เปรียบเทียบกับสินค้าคล้ายกันในตลาด "
                            "ถ้าราคาของเราสูงกว่า ให้บอกจุดเด่นที่คุ้มค่า เช่น วัตถุดิบปลอดสาร "
                            "หรือทำมือทีละชิ้น แทนที่จะลดราคาจนไม่เหลือกำไร",
                            "Then compare with similar products on the market. If ours "
                            "costs more, explain what makes it worth it, such as "
                            "chemical-free ingredients or handmade pieces, rather than "
                            "cutting the price until no profit is left.",
                        ),
                        callout(
                            "tip",
                            "ใช้ตารางคำนวณช่วย",
                            "Let a spreadsheet help",
                            "ทำตารางต้นทุนในแอปตารางคำนวณบนโทรศัพท์ไว้หนึ่งแผ่น "
                            "เมื่อราคาวัตถุดิบเปลี่ยน จะเห็นราคาขายใหม่ทันที",
                            "Keep one cost sheet in a spreadsheet app on your phone: when "
                            "material prices change, you see the new selling price at once.",
                        ),
                    ],
                },
                {
                    "slug": "shipping",
                    "minutes": 12,
                    "th": "แพ็กและส่งสินค้า",
                    "en": "Packing and shipping",
                    "body": [
                        p(
                            "ค่าส่งคิดจากน้ำหนักและขนาดกล่อง ไม่ใช่น้ำหนักสินค้าอย่างเดียว "
                            "ก่อนประกาศขาย ให้ชั่งสินค้าพร้อมกล่องและวัสดุกันกระแทก "
                            "แล้วเปรียบเทียบราคาของผู้ให้บริการขนส่งหลายราย เช่น ไปรษณีย์ไทย "
                            "และบริษัทขนส่งเอกชนที่มีจุดรับในอำเภอ "
                            "บอกค่าส่งให้ชัดเจนตั้งแต่แรก เพื่อไม่ให้ลูกค้ายกเลิกคำสั่งซื้อตอนจ่ายเงิน",
                            "Shipping is charged by weight and box size, not by the product's "
                            "weight alone. Before listing, weigh the product in its box with "
                            "its padding, and compare several carriers, such as Thailand Post "
                            "and the private couriers with a drop-off point in your district. "
                            "State the shipping cost clearly from the start so customers "
                            "don't cancel at checkout.",
                        ),
                        h("แพ็กให้ถึงมือลูกค้าอย่างปลอดภัย", "Packing so it arrives safely"),
                        ul(
                            [
                                "ของเหลว เช่น น้ำพริก ปิดฝาแล้วพันเทปและใส่ถุงซิปอีกชั้น",
                                "ของแตกง่ายห่อด้วยบับเบิลอย่างน้อยสองรอบ และเติมช่องว่างในกล่องไม่ให้สินค้าขยับ",
                                "ผ้าและเสื้อผ้าใส่ถุงกันน้ำก่อนใส่ซองหรือกล่อง",
                                "แนบการ์ดขอบคุณและช่องทางติดต่อ ช่วยให้ลูกค้ากลับมาซื้อซ้ำ",
                            ],
                            [
                                "Liquids such as chilli paste: close the lid, tape it and put the jar in a zip bag",
                                "Fragile items: at least two layers of bubble wrap, and fill the box so nothing moves",
                                "Cloth and clothes: a waterproof bag inside the envelope or box",
                                "Add a thank-you card with your contacts: it brings customers back",
                            ],
                        ),
                        p(
                            "การเก็บเงินปลายทาง (COD) ช่วยให้ลูกค้าที่ยังไม่เชื่อใจกล้าสั่งซื้อ "
                            "แต่มีค่าธรรมเนียมเพิ่ม และเสี่ยงที่ลูกค้าจะไม่รับของ "
                            "ทำให้เสียค่าส่งไปกลับ ควรเปิด COD เฉพาะสินค้าที่ไม่เน่าเสีย "
                            "และส่งเลขพัสดุให้ลูกค้าทุกครั้งหลังส่งของ",
                            "Cash on delivery (COD) helps customers who don't yet trust you "
                            "to order, but it costs an extra fee and risks the customer "
                            "refusing the parcel, leaving you to pay shipping both ways. "
                            "Offer COD only for goods that don't spoil, and always send the "
                            "customer the tracking number after posting.",
                        ),
                        callout(
                            "info",
                            "ส่งรวมกันประหยัดกว่า",
                            "Shipping together costs less",
                            "กลุ่มผู้ผลิตในหมู่บ้านเดียวกันนัดวันส่งของร่วมกันสัปดาห์ละสองวัน "
                            "จะต่อรองราคากับบริษัทขนส่งได้ และประหยัดเวลาเดินทาง",
                            "Producers in the same village who post together on two fixed "
                            "days a week can negotiate better rates with a courier and save "
                            "trips.",
                        ),
                    ],
                },
                {
                    "slug": "safe-payments",
                    "minutes": 10,
                    "th": "รับชำระเงินอย่างปลอดภัย",
                    "en": "Taking payments safely",
                    "body": [
                        p(
                            "การรับเงินผ่านพร้อมเพย์ (PromptPay) ด้วยเบอร์โทรศัพท์หรือคิวอาร์โค้ด "
                            "สะดวกและไม่มีค่าธรรมเนียมสำหรับผู้ขายรายย่อย "
                            "ส่วนการขายบนตลาดออนไลน์ ควรให้ลูกค้าจ่ายผ่านระบบของแพลตฟอร์ม "
                            "เพราะมีการคุ้มครองทั้งผู้ซื้อและผู้ขายเมื่อเกิดปัญหา "
                            "อย่าย้ายไปตกลงซื้อขายและโอนเงินนอกแพลตฟอร์มตามที่ลูกค้าบางรายขอ",
                            "PromptPay, by phone number or QR code, is convenient and free "
                            "for small sellers. On a marketplace, have customers pay through "
                            "the platform, which protects both buyer and seller if something "
                            "goes wrong; don't move the deal and the payment off the "
                            "platform when a customer asks.",
                        ),
                        h("ระวังสลิปปลอม", "Beware of fake slips"),
                        p(
                            "มิจฉาชีพสามารถสร้างภาพสลิปโอนเงินปลอมที่ดูเหมือนจริงทุกอย่างได้ในไม่กี่วินาที "
                            "ผู้ขายจึงต้องตรวจยอดเงินเข้าในแอปธนาคารของตนทุกครั้งก่อนส่งสินค้า "
                            "อย่าเชื่อภาพสลิปที่ลูกค้าส่งมาเพียงอย่างเดียว "
                            "โดยเฉพาะเมื่อลูกค้าเร่งให้รีบส่งของ หรือสั่งซื้อจำนวนมากผิดปกติ",
                            "Fraudsters can make a fake transfer slip that looks exactly like "
                            "a real one in seconds. Sellers must check that the money has "
                            "arrived in their own bank app before shipping. Never rely on "
                            "the slip picture alone, especially when a customer rushes you "
                            "or orders an unusually large amount.",
                        ),
                        ol(
                            [
                                "เปิดแอปธนาคารของร้าน ดูรายการเงินเข้าล่าสุด",
                                "ตรวจว่ายอดเงิน วันที่ และเวลาตรงกับสลิป",
                                "ถ้าสงสัย สแกนคิวอาร์บนสลิปด้วยฟังก์ชันตรวจสอบสลิปในแอปธนาคาร",
                                "ส่งสินค้าเมื่อเห็นเงินเข้าบัญชีจริงแล้วเท่านั้น",
                            ],
                            [
                                "Open the shop's bank app and look at the latest incoming transfers",
                                "Check that the amount, date and time match the slip",
                                "If in doubt, scan the slip's QR code with the bank app's slip-checking function",
                                "Ship only when you have seen the money in the account",
                            ],
                        ),
                        callout(
                            "warning",
                            "แยกบัญชีร้านกับบัญชีส่วนตัว",
                            "Keep shop and personal accounts apart",
                            "เปิดบัญชีธนาคารสำหรับร้านโดยเฉพาะ จะตรวจยอดเงินเข้าได้ง่าย "
                            "ทำบัญชีรายรับรายจ่ายของกลุ่มได้ชัดเจน และไม่ต้องเปิดเผยบัญชีส่วนตัว",
                            "Open a bank account just for the shop: incoming payments are "
                            "easier to check, the group's accounts stay clear, and your "
                            "personal account stays private.",
                        ),
                    ],
                },
            ],
        },
    ],
}
