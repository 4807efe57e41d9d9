package dev.forensics.cli;

/** Output of {@code forensics image hash}. */
enum ImageHashFormat {
  /** A table for people. */
  text,
  /** One JSON object. */
  json,
  /** A hash log shaped like dc3dd's {@code hlog=} file. */
  dc3dd,
  /** A hash log shaped like dcfldd's {@code hashlog=} file with {@code hashwindow=}. */
  dcfldd
}
