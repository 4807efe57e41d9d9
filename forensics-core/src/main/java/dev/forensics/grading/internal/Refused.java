package dev.forensics.grading.internal;

import dev.forensics.grading.Feedback;

/** A submitted file or answer that was not used, with the feedback saying why. */
public final class Refused extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Feedback feedback;

  public Refused(Feedback feedback) {
    super(feedback.toString(), null, false, false);
    this.feedback = feedback;
  }

  public Feedback feedback() {
    return feedback;
  }
}
