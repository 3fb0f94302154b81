"""Named-entity recognition: tokens, features, the CRF tagger, its training and the knowledge."""
