/** Workflows in YAML: the same model as the Java builder, with every error located by file, line and field. */
package dev.chassis.work.yaml;
