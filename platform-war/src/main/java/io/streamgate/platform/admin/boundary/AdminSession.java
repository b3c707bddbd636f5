package io.streamgate.platform.admin.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks console API endpoints: a change (anything but GET) from another site's page is refused (see
 * {@link AdminAuthentication}). Who may call them is declared by {@code @RolesAllowed}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminSession {}
