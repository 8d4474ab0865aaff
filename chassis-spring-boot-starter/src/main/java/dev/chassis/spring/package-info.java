/**
 * Spring Boot auto-configuration for Chassis: {@link dev.chassis.spring.ChassisAutoConfiguration} (the model,
 * the talk and work harnesses, journals on the application's DataSource, meters), {@link
 * dev.chassis.spring.ChassisProperties} ({@code chassis.*}) and {@link dev.chassis.spring.ChassisHealthIndicator}.
 * Spring stays in this module: core and the harnesses know nothing of it.
 */
package dev.chassis.spring;
