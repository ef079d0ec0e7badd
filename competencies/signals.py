"""Events the competency layer sends; higher layers (certificates) receive them."""

from django.dispatch import Signal

# sender=VolunteerStatus; kwargs: user, level (new, may be None), previous, promoted (bool).
# Sent after the change commits. Certificates for reaching a level hang on this.
level_changed = Signal()
