package dev.forensics.image;

/** The container format of an evidence image. */
public enum ImageFormat {
  /** One file holding the media bytes as they are ({@code .dd}, {@code .raw}, {@code .img}, any name). */
  RAW,
  /**
   * The media bytes cut into numbered segment files ({@code .001}, {@code .000}, {@code .aa}, {@code
   * .aaa}, …) that are concatenated in order.
   */
  SPLIT_RAW,
  /** Expert Witness Compression Format (EnCase {@code .E01}); detected, not yet readable. */
  EWF
}
