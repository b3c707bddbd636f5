package io.streamgate.media.streams.entity;

import java.util.Optional;

/**
 * The HLS file types the media server serves, by extension, with their exact content types: RFC
 * 8216 playlists, MPEG-TS and fMP4/CMAF segments (with their {@code EXT-X-MAP} init files), AAC,
 * WebVTT subtitles and AES-128 key files.
 */
public enum FileType {
  MANIFEST(".m3u8", "application/vnd.apple.mpegurl"),
  TRANSPORT_STREAM(".ts", "video/mp2t"),
  FRAGMENT(".m4s", "video/iso.segment"),
  FRAGMENTED_MP4(".fmp4", "video/mp4"),
  MP4(".mp4", "video/mp4"),
  /** An AES-128 key: opened like a segment, never kept by a browser or a shared cache. */
  KEY(".key", "application/octet-stream"),
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

  /** A key file: it decrypts the event's segments, so no copy of it is kept anywhere. */
  public boolean isSecret() {
    return this == KEY;
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
