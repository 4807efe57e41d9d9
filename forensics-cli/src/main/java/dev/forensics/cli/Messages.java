package dev.forensics.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * User-facing text of the command line, from the {@code dev.forensics.cli.Messages} resource bundle
 * (English first; a course adds {@code Messages_th.properties}, {@code Messages_vi.properties}, … with
 * no code change).
 */
public final class Messages {

  static final String BUNDLE = "dev.forensics.cli.Messages";

  private Messages() {}

  /** The bundle for the default locale. */
  public static ResourceBundle bundle() {
    return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
  }

  /** The message for {@code key}, formatted with {@link MessageFormat}. */
  public static String get(String key, Object... args) {
    String pattern = bundle().getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
  }
}
