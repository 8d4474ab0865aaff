package dev.chassis.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the Chassis starter: interviews over HTTP ({@link InterviewController}), their
 * journal in the application's database, {@code /actuator/health} and {@code /actuator/metrics} with Chassis's
 * part. Nothing Chassis-specific is configured in code: the starter builds the model and the harnesses from
 * {@code application.properties}.
 *
 * <pre>{@code
 * java -jar chassis-example-spring-boot.jar --chassis.model.engine=openai-compatible \
 *      --chassis.model.base-url=http://127.0.0.1:11434/v1 --chassis.model.name=llama3.2
 * }</pre>
 */
@SpringBootApplication
public class InterviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterviewApplication.class, args);
    }
}
