package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.entity.AdminUser.Role;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A role's label as {@link Role#ofLabel} knows it (any case); null passes. */
@Constraint(validatedBy = RoleLabel.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface RoleLabel {

  String message() default "Role must be super_admin, admin or operator.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<RoleLabel, String> {

    @Override
    public boolean isValid(String label, ConstraintValidatorContext context) {
      return label == null || Role.ofLabel(label).isPresent();
    }
  }
}
