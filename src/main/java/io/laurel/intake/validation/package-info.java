/**
 * Reading and checking submitted files (kinds, media facts, package assessments). Exposed as intake's
 * {@code validation} interface because the portal checks uploads and the contest reads assessments the same way.
 */
@org.springframework.modulith.NamedInterface("validation")
package io.laurel.intake.validation;
