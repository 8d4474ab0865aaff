package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.schedule.InviteMail;
import dev.chassis.research.ops.schedule.MailException;
import dev.chassis.research.ops.schedule.Mailer;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.SmtpMailer;
import dev.chassis.research.ops.schedule.SmtpSettings;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.Delivery;
import dev.chassis.research.ops.workflow.ResearchSteps;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.synthesis.Synthesizer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Invitations by email, against an in-process SMTP server (GreenMail): the link, the invite, sent once. */
class InvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private StudyPlan plan;
    private final SessionConductor none = (s, e) -> {
        throw new AssertionError("no session is conducted here");
    };

    @BeforeEach
    void study() throws IOException {
        Files.copy(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.writeString(dir.resolve("guide.yaml"), "study: x\n");
        Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                organizer: research@example.org
                guide: guide.yaml
                pool: pool.csv
                sessions: 4
                conduct: live
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00", link: "https://placeholder.example.org/s/{session}"}
                """);
        plan = StudyPlan.load(dir.resolve("study.yaml"));
    }

    private ResearchSteps steps(Delivery delivery) {
        return new ResearchSteps(plan, new RunFolder(dir.resolve("run")), none, Synthesizer.builder().build(),
                Instant.parse("2025-02-20T10:00:00Z")).withDelivery(delivery);
    }

    private static Delivery signedLinks(Mailer mailer) {
        return Delivery.filesOnly().withMailer(mailer).withLinks((run, s) -> Optional.of("https://chassis.test/p/token-for-" + s.id()));
    }

    private SmtpMailer smtp() {
        return new SmtpMailer(SmtpSettings.plain("127.0.0.1", SMTP.getSmtp().getPort()));
    }

    @Test
    void each_participant_gets_one_email_with_their_own_link_in_the_body_and_the_invite() throws Exception {
        ResearchSteps steps = steps(signedLinks(smtp()));
        Schedule schedule = steps.schedule(steps.recruit());

        ResearchSteps.Invited invited = steps.deliver(schedule);

        assertThat(invited.emailed()).isEqualTo(4);
        assertThat(invited.mailer()).hasValueSatisfying(m -> assertThat(m).startsWith("smtp://127.0.0.1:"));
        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(4);
        MimeMessage first = got[0];
        String to = first.getAllRecipients()[0].toString();
        String session = schedule.sessions().stream().filter(s -> to.contains(s.participant().email())).findFirst().orElseThrow().id();
        assertThat(first.getSubject()).isEqualTo("Invitation: Onboarding research");
        assertThat(first.getFrom()[0].toString()).isEqualTo("research@example.org");
        assertThat(first.getMessageID()).isEqualTo("<" + session + ".onboarding@chassis>");
        String all = GreenMailUtil.getWholeMessage(first);
        assertThat(all).contains("text/calendar; method=REQUEST").contains("invite.ics");
        Multipart mixed = (Multipart) first.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("https://chassis.test/p/token-for-" + session)
                .doesNotContain("placeholder.example.org");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        String ics = new String(attachment.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics.replace("\r\n ", "")).contains("LOCATION:https://chassis.test/p/token-for-" + session).contains("UID:" + session + ".onboarding@chassis");
        assertThat(Files.readString(dir.resolve("run/invites/" + session + ".ics")).replace("\r\n ", ""))
                .contains("https://chassis.test/p/token-for-" + session);

        ResearchSteps.Invited again = steps(signedLinks(smtp())).deliver(schedule);
        assertThat(again.emailed()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(4);   // the step ran twice, each person got one email
    }

    @Test
    void a_mail_server_that_goes_away_fails_the_step_in_words_and_a_resume_sends_only_the_rest() {
        AtomicInteger calls = new AtomicInteger();
        SmtpMailer real = smtp();
        Mailer failsAfterTwo = new Mailer() {
            @Override
            public void send(InviteMail mail) {
                if (calls.incrementAndGet() > 2) {
                    throw new MailException("the invitation to " + mail.to() + " could not be sent: connection refused", false, null);
                }
                real.send(mail);
            }

            @Override
            public String describe() {
                return "a server that goes away";
            }
        };
        ResearchSteps steps = steps(signedLinks(failsAfterTwo));
        Schedule schedule = steps.schedule(steps.recruit());

        assertThatThrownBy(() -> steps.deliver(schedule)).isInstanceOf(MailException.class).hasMessageContaining("connection refused");
        assertThat(calls).hasValue(2 + 3);                   // the third invitation was tried three times
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        ResearchSteps.Invited resumed = steps(signedLinks(smtp())).deliver(schedule);
        assertThat(resumed.emailed()).isEqualTo(2);
        assertThat(SMTP.getReceivedMessages()).hasSize(4)
                .extracting(m -> address(m)).doesNotHaveDuplicates();
    }

    @Test
    void a_refused_address_is_reported_not_recorded_as_sent_and_the_others_go_out() {
        SmtpMailer real = smtp();
        List<String> refusedOnce = new ArrayList<>();
        Mailer refusesOne = new Mailer() {
            @Override
            public void send(InviteMail mail) {
                if (refusedOnce.isEmpty()) {
                    refusedOnce.add(mail.to());
                    throw new MailException("the mail server refused the invitation to " + mail.to() + ": 550 no such user", true, null);
                }
                real.send(mail);
            }

            @Override
            public String describe() {
                return "smtp";
            }
        };
        ResearchSteps steps = steps(signedLinks(refusesOne));
        Schedule schedule = steps.schedule(steps.recruit());

        ResearchSteps.Invited invited = steps.deliver(schedule);

        assertThat(invited.emailed()).isEqualTo(3);
        assertThat(invited.refused()).hasSize(1).allSatisfy((session, why) -> assertThat(why).contains("550 no such user"));
        ResearchSteps.Invited retried = steps(signedLinks(smtp())).deliver(schedule);
        assertThat(retried.emailed()).isEqualTo(1);           // the refused one is tried again on a resume
        assertThat(SMTP.getReceivedMessages()).hasSize(4).extracting(m -> address(m)).anyMatch(a -> a.contains(refusedOnce.getFirst()));
    }

    @Test
    void without_a_mail_server_the_files_are_written_with_the_schedules_links_and_nothing_is_emailed() throws IOException {
        ResearchSteps steps = steps(Delivery.filesOnly());
        Schedule schedule = steps.schedule(steps.recruit());

        ResearchSteps.Invited invited = steps.deliver(schedule);

        assertThat(invited.mailer()).isEmpty();
        assertThat(invited.emailed()).isZero();
        assertThat(invited.sentNow()).isEqualTo(4);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(Files.readString(dir.resolve("run/invites/sessions.ics")).replace("\r\n ", "")).contains("placeholder.example.org/s/");
    }

    @Test
    void smtp_settings_come_from_the_environment_and_bad_ones_are_named() {
        assertThat(SmtpSettings.fromEnvironment(Map.of())).isEmpty();
        SmtpSettings s = SmtpSettings.fromEnvironment(Map.of("CHASSIS_SMTP_HOST", "mail.example.org", "CHASSIS_SMTP_USER", "bot",
                "CHASSIS_SMTP_PASSWORD", "hunter2")).orElseThrow();
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(s.toString()).isEqualTo("smtp://bot@mail.example.org:587 (starttls)").doesNotContain("hunter2");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("CHASSIS_SMTP_HOST", "h", "CHASSIS_SMTP_PORT", "smtp")))
                .hasMessageContaining("CHASSIS_SMTP_PORT");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("CHASSIS_SMTP_HOST", "h", "CHASSIS_SMTP_TLS", "maybe")))
                .hasMessageContaining("CHASSIS_SMTP_TLS");
    }

    @Test
    void an_unreachable_mail_server_is_told_in_plain_words() {
        SmtpMailer nowhere = new SmtpMailer(new SmtpSettings("127.0.0.1", 1, Optional.empty(), Optional.empty(), SmtpSettings.Security.NONE,
                java.time.Duration.ofSeconds(2)));
        ResearchSteps steps = steps(signedLinks(nowhere));
        Schedule schedule = steps.schedule(steps.recruit());
        assertThatThrownBy(() -> steps.deliver(schedule)).isInstanceOf(MailException.class)
                .hasMessageContaining("could not be sent through smtp://127.0.0.1:1");
    }

    private static String address(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
