"""Resolution: canonical actors and de-duplicated events.

Why a package of its own: extraction finds names and events document by
document; resolution is the corpus-level step that says two names are one
actor (:mod:`enlace.resolve.actors`) and two events are one occasion
(:mod:`enlace.resolve.dedupe`).
"""

from enlace.resolve.actors import ActorResolver, CanonicalActor
from enlace.resolve.dedupe import cluster_events, merge_cluster, same_occasion

__all__ = ["ActorResolver", "CanonicalActor", "cluster_events", "merge_cluster", "same_occasion"]
