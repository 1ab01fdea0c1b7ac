package io.rolegate.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers refused input itself, from {@link RefusedInput}: a form re-rendered with
 * the field errors and the rest of the input (400), or a search that matches nothing. Any other method never
 * runs with refused input: {@link InputEdge} ends the request with a 400. A parameter repeated in a query string
 * always ends the request there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandlesRefusedInput {
}
