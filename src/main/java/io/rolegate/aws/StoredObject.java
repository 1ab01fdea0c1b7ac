package io.rolegate.aws;

/** One object a listing returned. */
public record StoredObject(String key, long size) {
}
