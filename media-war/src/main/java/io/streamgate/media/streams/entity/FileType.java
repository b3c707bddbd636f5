package io.streamgate.media.streams.entity;

import java.util.Optional;

/** The HLS file types the media server serves, by extension, with their exact content types. */
public enum FileType {
  MANIFEST(".m3u8", "application/vnd.apple.mpegurl"),
  TRANSPORT_STREAM(".ts", "video/mp2t"),
  FRAGMENT(".m4s", "video/iso.segment"),
  MP4(".mp4", "video/mp4"),
  AAC(".aac", "audio/aac"),
  SUBTITLES(".vtt", "text/vtt; charset=utf-8");

  private final String extension;
  private final String contentType;

  FileType(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public boolean isManifest() {
    return this == MANIFEST;
  }

  /** The type of a file name, empty for anything the server does not serve. */
  public static Optional<FileType> of(String fileName) {
    for (FileType type : values()) {
      if (fileName.endsWith(type.extension) && fileName.length() > type.extension.length()) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
