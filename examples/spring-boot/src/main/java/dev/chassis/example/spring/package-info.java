/** An example Spring Boot application on chassis-spring-boot-starter: interviews over HTTP. */
package dev.chassis.example.spring;
