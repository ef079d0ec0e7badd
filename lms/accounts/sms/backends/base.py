class BaseSmsBackend:
    """What every backend implements: ``send_messages`` returns how many were sent."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages) -> int:
        raise NotImplementedError
