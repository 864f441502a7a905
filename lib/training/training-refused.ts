/** A job that cannot go on for a reason its user can act on (an empty window, a failed training): it fails with this message. */
export class TrainingRefused extends Error {
  override name = "TrainingRefused";
}
