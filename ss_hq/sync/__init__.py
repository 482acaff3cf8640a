"""The laptops' side of head office: enrollment and device tokens, push (apply a batch exactly
once), pull (a device's scope, in order), USB bundles and receipts, and answers to a laptop's
recovery request."""
