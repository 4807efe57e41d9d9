package dev.forensics.triage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Something that names the MIME type of files: {@code file}, Tika, or our detector. */
interface TypeOracle {

  /** A short name for tables ("file 5.44", "Tika 3.3.2 (with name)"). */
  String name();

  /**
   * The MIME type this oracle gives each file, in the order given (raw answers: parameters and case as the
   * oracle printed them).
   */
  List<String> detect(List<Path> files) throws IOException;
}
