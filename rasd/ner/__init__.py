"""Statistical named-entity recognition beside the knowledge base (issue 8): corpora and the CAMeL
split, features, word clusters, training at install, tagging, evaluation."""
