package dev.forensics.image.internal;

import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;

/** The reader of one acquisition tool's log: fed the log's lines in order, from the one it was recognised by. */
interface LogDialect {

  /** The tool that writes this kind of log. */
  AcquisitionTool tool();

  /** Takes one line (1-based {@code number}). */
  void line(long number, String text, LogCollector out) throws AcquisitionLogException;

  /** Called after the last line. */
  default void end(LogCollector out) throws AcquisitionLogException {}

  /** The message for a log of this kind that holds no hash of the whole media. */
  String noMediaHash();
}
