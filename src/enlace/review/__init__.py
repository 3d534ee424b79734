"""Reviewing the dataset: the review queue (:mod:`walk`) and inter-coder agreement (:mod:`agreement`).

Library code only; the terminal commands live in :mod:`enlace.cli_dataset`.
"""

from enlace.review.agreement import AgreementReport, agreement, krippendorff_alpha, store_agreement
from enlace.review.walk import Action, ReviewItem, apply_action, load_item, next_event, parse_action

__all__ = [
    "Action",
    "AgreementReport",
    "ReviewItem",
    "agreement",
    "apply_action",
    "krippendorff_alpha",
    "load_item",
    "next_event",
    "parse_action",
    "store_agreement",
]
