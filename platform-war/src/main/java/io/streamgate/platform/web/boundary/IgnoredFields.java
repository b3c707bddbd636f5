package io.streamgate.platform.web.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields a request body may carry without their being read (not refused as unknown, not checked,
 * their components null): on a record, wherever it is read; on a resource method's body parameter,
 * there only, such as an event's {@code version} on create.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PARAMETER})
public @interface IgnoredFields {
  String[] value();
}
