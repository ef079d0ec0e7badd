"""Events other apps listen to: evidence, levels and certificates hang on these."""

from django.dispatch import Signal

# sender=StepCompletion; kwargs: user, page (the default-language step page)
step_completed = Signal()
# sender=Enrollment; kwargs: user, course (the default-language course page)
course_completed = Signal()
