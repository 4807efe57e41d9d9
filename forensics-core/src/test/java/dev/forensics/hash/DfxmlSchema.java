package dev.forensics.hash;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * The real DFXML 2.0.0-beta.0 schema, loaded offline from the shared reference data beside the project
 * ({@code ../shared/dfxml/dfxml.xsd}, or the file named by the environment variable {@code DFXML_XSD}); the
 * project does not carry a copy of it. Its imports are served from {@code hash/ref/} (minimal stand-ins
 * written for this project) and any other schema location fails instead of reaching the network. When
 * the schema is absent, {@link #validate} does nothing and {@code DfxmlSchemaTest} is skipped with a
 * message saying where to put it.
 */
final class DfxmlSchema {

  private static final Map<String, String> LOCAL = Map.of(
      "ref/dc.xsd", "/hash/ref/dc.xsd",
      "ref/xml.xsd", "/hash/ref/xml.xsd",
      "xml.xsd", "/hash/ref/xml.xsd");

  private static Schema schema;

  private DfxmlSchema() {}

  static final String MISSING =
      "DFXML schema not found: put dfxml.xsd (dfxml-working-group/dfxml_schema, 2.0.0-beta.0) at "
          + "../shared/dfxml/dfxml.xsd or name it in DFXML_XSD to validate DFXML output against it";

  /** The schema file, if present. */
  static java.util.Optional<java.nio.file.Path> location() {
    String env = System.getenv("DFXML_XSD");
    java.util.List<java.nio.file.Path> candidates = new java.util.ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(java.nio.file.Path.of(env));
    }
    java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
    for (java.nio.file.Path dir = cwd; dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve("shared/dfxml/dfxml.xsd"));
    }
    return candidates.stream().filter(java.nio.file.Files::isRegularFile).findFirst();
  }

  static synchronized Schema get() throws Exception {
    if (schema == null) {
      java.nio.file.Path file = location().orElseThrow(() -> new IllegalStateException(MISSING));
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(new OfflineResolver());
      URL xsd = file.toUri().toURL();
      schema = f.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
    }
    return schema;
  }

  /**
   * Validates the document against the schema when it is present (see {@link #MISSING}); throws a
   * SAXParseException naming line and problem when it is not valid.
   */
  static void validate(byte[] document) throws Exception {
    if (location().isEmpty()) {
      return;
    }
    Validator v = get().newValidator();
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    v.validate(new StreamSource(new ByteArrayInputStream(document)));
  }

  private static final class OfflineResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
      String key = systemId;
      for (String k : LOCAL.keySet()) {
        if (systemId != null && (systemId.equals(k) || systemId.endsWith("/" + k))) {
          key = k;
        }
      }
      String resource = LOCAL.get(key);
      if (resource == null) {
        throw new IllegalStateException("schema import " + systemId + " (namespace " + namespace
            + ") is not available offline");
      }
      URL url = DfxmlSchema.class.getResource(resource);
      return new Input(url, publicId);
    }
  }

  private static final class Input implements LSInput {
    private final URL url;
    private final String publicId;

    Input(URL url, String publicId) {
      this.url = url;
      this.publicId = publicId;
    }

    @Override
    public InputStream getByteStream() {
      try {
        return url.openStream();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public String getSystemId() {
      return url.toExternalForm();
    }

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(Reader r) {}

    @Override
    public void setByteStream(InputStream in) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String s) {}

    @Override
    public void setSystemId(String s) {}

    @Override
    public void setPublicId(String s) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String s) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String s) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean b) {}
  }
}
