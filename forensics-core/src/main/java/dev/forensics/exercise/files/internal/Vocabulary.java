package dev.forensics.exercise.files.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled word and name lists (resources beside the public classes), loaded once. */
public final class Vocabulary {

  private static final Vocabulary BUNDLED = new Vocabulary(
      load("words.txt"), load("given-names.txt"), load("surnames.txt"));

  private final List<String> words;
  private final List<String> givenNames;
  private final List<String> surnames;

  private Vocabulary(List<String> words, List<String> givenNames, List<String> surnames) {
    this.words = words;
    this.givenNames = givenNames;
    this.surnames = surnames;
  }

  /** The lists shipped with the library. */
  public static Vocabulary bundled() {
    return BUNDLED;
  }

  public List<String> words() {
    return words;
  }

  public List<String> givenNames() {
    return givenNames;
  }

  public List<String> surnames() {
    return surnames;
  }

  private static List<String> load(String name) {
    String resource = "/dev/forensics/exercise/files/" + name;
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled list missing from the library: " + resource);
      }
      List<String> out = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("bundled list is empty: " + resource);
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled list " + resource, e);
    }
  }
}
