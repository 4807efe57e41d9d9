package dev.forensics.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios that ship with the toolkit, as classpath resources under
 * {@code dev/forensics/exercise/scenarios/} listed in its {@code index.txt}, one name per line; each is
 * {@code NAME.scenario.yaml}. Their built sets are committed under {@code sample-evidence/exercises/NAME}.
 */
public final class BundledScenarios {

  private static final String FOLDER = "/dev/forensics/exercise/scenarios/";

  private BundledScenarios() {}

  /** A bundled scenario: its name (for {@code exercise build NAME}) and what it is. */
  public record Entry(String name, Scenario scenario) {}

  /** The names of the bundled scenarios, in index order. */
  public static List<String> names() {
    String index = new String(resource("index.txt").orElseThrow(() ->
        new IllegalStateException("the bundled scenario index is missing from the classpath")), StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      String n = line.strip();
      if (!n.isEmpty() && !n.startsWith("#")) {
        names.add(n);
      }
    }
    return names;
  }

  /** Every bundled scenario, read. */
  public static List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (String n : names()) {
      try {
        out.add(new Entry(n, read(n).orElseThrow()));
      } catch (ScenarioException e) {
        throw new IllegalStateException("bundled scenario " + n + " is invalid: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The YAML text of a bundled scenario, if one has this name. */
  public static Optional<byte[]> bytes(String name) {
    if (!names().contains(name)) {
      return Optional.empty();
    }
    return resource(fileName(name));
  }

  /** A bundled scenario, read, if one has this name. */
  public static Optional<Scenario> read(String name) throws ScenarioException {
    Optional<byte[]> b = bytes(name);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ScenarioReader.read(b.get(), fileName(name)));
  }

  /** The resource file name of a bundled scenario. */
  public static String fileName(String name) {
    return name + ".scenario.yaml";
  }

  private static Optional<byte[]> resource(String file) {
    try (InputStream in = BundledScenarios.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        return Optional.empty();
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return Optional.of(b.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
