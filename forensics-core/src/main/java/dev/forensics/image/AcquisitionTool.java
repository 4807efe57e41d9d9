package dev.forensics.image;

/** The program that wrote an acquisition log, as recognised from the log's content. */
public enum AcquisitionTool {
  /** libewf's {@code ewfacquire} (or {@code ewfacquirestream}): its standard output. */
  EWFACQUIRE("ewfacquire"),
  /** libewf's {@code ewfverify}: its standard output. */
  EWFVERIFY("ewfverify"),
  /** libewf's {@code ewfinfo}: its standard output. */
  EWFINFO("ewfinfo"),
  /** Guymager's {@code .info} file. */
  GUYMAGER("Guymager"),
  /** The {@code .txt} report FTK Imager writes next to the image. */
  FTK_IMAGER("FTK Imager"),
  /** dc3dd's {@code hlog=} or {@code log=} file. */
  DC3DD("dc3dd"),
  /** dcfldd's {@code hashlog=} file (or its standard error). */
  DCFLDD("dcfldd");

  private final String displayName;

  AcquisitionTool(String displayName) {
    this.displayName = displayName;
  }

  /** The tool's usual name, e.g. {@code FTK Imager}. */
  public String displayName() {
    return displayName;
  }
}
