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
  /** Expert Witness Compression Format, EWF1 (EnCase {@code .E01}, SMART {@code .s01}); see {@link EwfImage}. */
  EWF
}
