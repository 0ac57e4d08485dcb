/**
 * Who takes part in a campaign: department heads, the committee with its seed roles, judges with their panels and
 * units, and the association's member units — imported from one file, edited in the staff console, checked at
 * launch, with Camunda users created and invited for people who have none.
 */
package io.laurel.organisation;
