"""The statements stage: Document -> Statements.

``build`` is the door in; behind it, ``segment`` splits text into sentences at offsets,
``langid`` names each sentence's language, ``filter`` drops menu fragments and repeated
boilerplate, and ``commitments`` tells commitments from messages (cues in
``commitment_cues``, weights in ``commitment_model.json``, rebuilt by ``train_commitments``).
"""
