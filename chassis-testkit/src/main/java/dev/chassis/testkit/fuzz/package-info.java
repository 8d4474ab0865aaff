/**
 * Fuzzing support for tests: a seeded mutator that turns valid examples into the inputs parsers get wrong,
 * so plain JUnit tests can run thousands of executions per build beside Jazzer's coverage-guided fuzzing.
 */
package dev.chassis.testkit.fuzz;
