package io.streamgate.platform.web.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A request body read into a record, as strictly as {@link JsonRequests} reads it: a JSON object
 * whose fields are the record's components (and {@link IgnoredFields}), each of the component's
 * type. The components are read in declaration order and each is validated (Bean Validation, the
 * constraints on the component) right after it is read, so a body with several faults is refused
 * for the first one in that order, with the same message as when the resources read fields one by
 * one. Yasson would ignore unknown fields and report wrong types in its own words; this does not.
 */
public final class JsonRecords {

  /** Checks a component's value as soon as it is read, throwing to refuse the body. */
  @FunctionalInterface
  interface FieldCheck {
    void check(Class<?> record, String component, Object value);
  }

  private JsonRecords() {}

  /** The body as that record, validated component by component. */
  public static <R extends Record> R read(String body, Class<R> type) {
    return read(body, type, Set.of(), JsonRecords::validate);
  }

  /** The same, also accepting and ignoring the fields {@code ignored}. */
  static <R extends Record> R read(
      String body, Class<R> type, Set<String> ignored, FieldCheck check) {
    RecordComponent[] components = type.getRecordComponents();
    Set<String> skipped = new HashSet<>(ignored);
    IgnoredFields onType = type.getAnnotation(IgnoredFields.class);
    if (onType != null) {
      skipped.addAll(List.of(onType.value()));
    }
    Set<String> allowed = new HashSet<>(skipped);
    for (RecordComponent component : components) {
      allowed.add(component.getName());
    }
    JsonObject object = JsonRequests.object(body, allowed);
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (!skipped.contains(components[i].getName())) {
        values[i] = value(object, components[i]);
        check.check(type, components[i].getName(), values[i]);
      }
    }
    return construct(type, types, values);
  }

  private static Object value(JsonObject object, RecordComponent component) {
    String name = component.getName();
    JsonValue raw = object.get(name);
    if (raw == null) {
      WhenAbsent absent = component.getAnnotation(WhenAbsent.class);
      return absent == null ? null : absent.value();
    }
    if (raw.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    Class<?> type = component.getType();
    if (type == String.class) {
      return JsonRequests.string(object, name);
    } else if (type == Instant.class) {
      return JsonRequests.instant(object, name);
    } else if (type == Integer.class) {
      return JsonRequests.integer(object, name, 0);
    } else if (type == Long.class) {
      return JsonRequests.optionalLong(object, name);
    } else if (type == Boolean.class) {
      return JsonRequests.optionalBoolean(object, name);
    } else if (type == List.class) {
      return strings(raw, component);
    }
    throw new IllegalStateException("No JSON reading for " + type + " " + name);
  }

  /**
   * A list of strings; an element of another type reads as null, for the element's constraint to
   * refuse it after the list's own (size) constraints.
   */
  private static List<String> strings(JsonValue raw, RecordComponent component) {
    if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
      WrongType wrong = component.getAnnotation(WrongType.class);
      throw new io.streamgate.platform.refusal.control.BadRequestException(
          wrong != null ? wrong.value() : "Field " + component.getName() + " must be a list.");
    }
    List<String> strings = new ArrayList<>(raw.asJsonArray().size());
    for (JsonValue element : raw.asJsonArray()) {
      strings.add(
          element.getValueType() == JsonValue.ValueType.STRING
              ? ((JsonString) element).getString()
              : null);
    }
    return strings;
  }

  private static <R extends Record> R construct(Class<R> type, Class<?>[] types, Object[] values) {
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " cannot be read from JSON", e);
    }
  }

  static void validate(Class<?> type, String component, Object value) {
    Set<? extends ConstraintViolation<?>> violations = violations(type, component, value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
  }

  private static <T> Set<ConstraintViolation<T>> violations(
      Class<T> type, String component, Object value) {
    return Validators.VALIDATOR.validateValue(type, component, value);
  }

  /** Built when first needed: unit tests read records without a Bean Validation provider. */
  private static final class Validators {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  }
}
