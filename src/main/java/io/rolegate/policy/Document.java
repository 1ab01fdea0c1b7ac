package io.rolegate.policy;

/** One downloadable artifact. */
public record Document(String fileName, String contentType, String content) {
}
