package io.streamgate.platform.web.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * A list of {@code min} to {@code max} items; null passes. What {@code @Size} says, but Payara's
 * OpenAPI generator (6.2025.10) fails on {@code @Size} on a record component (a
 * NullPointerException in {@code ApplicationProcessor.visitSize}, and the document then lacks every
 * resource after it); give the range to OpenAPI with {@code @Schema(minItems, maxItems)}.
 */
@Constraint(validatedBy = Items.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Items {

  String message();

  int min();

  int max();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Items, Collection<?>> {

    private int min;
    private int max;

    @Override
    public void initialize(Items items) {
      min = items.min();
      max = items.max();
    }

    @Override
    public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
      return items == null || items.size() >= min && items.size() <= max;
    }
  }
}
