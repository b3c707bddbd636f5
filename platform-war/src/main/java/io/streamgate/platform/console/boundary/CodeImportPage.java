package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.codes.control.CodeImportSource;
import io.streamgate.platform.codes.control.CodeImports;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.annotation.PreDestroy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.Function;

/**
 * The codes page's import (admins): a file of printed codes is checked first, showing its first
 * rows and every problem by line, and imported only when asked, all or nothing. The upload waits in
 * an owner-only temporary file between the two steps, never in memory; it is deleted once imported
 * or when the page is left.
 */
@Named
@ViewScoped
public class CodeImportPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CodeImports imports;

  @Inject Console console;

  private String eventId;
  private transient Part file;
  private String uploaded;
  private String fileName;
  private CodeImports.Outcome preview;

  /** Keeps the upload and shows what importing it would do. */
  public void check() {
    if (!console.isMayChange()) {
      return;
    }
    discard();
    preview = null;
    if (file == null || file.getSize() == 0) {
      Pages.error("Choose a CSV or JSON file of codes.");
      return;
    }
    try {
      Path kept =
          Files.createTempFile(
              "streamgate-import-",
              ".upload",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, kept, StandardCopyOption.REPLACE_EXISTING);
      }
      uploaded = kept.toString();
      fileName = file.getSubmittedFileName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    preview = Pages.result(() -> read(rows -> imports.preview(eventId, rows)));
  }

  /** Imports the file checked, all or nothing. */
  public void importFile() {
    if (uploaded == null || !console.isMayChange()) {
      return;
    }
    CodeImports.Outcome done =
        Pages.result(
            () ->
                read(
                    rows ->
                        imports.store(eventId, rows, console.actorWhoMayChange(), console.ip())));
    if (done != null) {
      Pages.info(done.codes() + " codes imported from " + fileName + ".");
      discard();
      preview = null;
    }
  }

  private CodeImports.Outcome read(
      Function<java.util.Iterator<CodeImportSource.Row>, CodeImports.Outcome> action) {
    CodeImportSource.Format format =
        fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json")
            ? CodeImportSource.Format.JSON
            : CodeImportSource.Format.CSV;
    try (InputStream in = Files.newInputStream(Path.of(uploaded))) {
      return action.apply(CodeImportSource.rows(format, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PreDestroy
  void discard() {
    if (uploaded != null) {
      try {
        Files.deleteIfExists(Path.of(uploaded));
      } catch (IOException e) {
        // the system's temporary folder is cleaned on its own
      }
      uploaded = null;
    }
  }

  public CodeImports.Outcome getPreview() {
    return preview;
  }

  public String getFileName() {
    return fileName;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
