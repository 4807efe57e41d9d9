package dev.forensics.exercise;

/** How a set-of-files answer earns partial credit. */
public enum SetScoring {
  /** points × F1 of precision and recall (wrong items cost credit). */
  F1("f1"),
  /** points ÷ items for each correct item, nothing taken for wrong ones. */
  PER_ITEM("per-item");

  private final String id;

  SetScoring(String id) {
    this.id = id;
  }

  /** The name used in files. */
  public String id() {
    return id;
  }
}
