from django.dispatch import Signal

# sender=Attempt; kwargs: attempt. Sent once, inside the transaction that
# grades the attempt as passed; competency evidence is recorded in it.
quiz_passed = Signal()
