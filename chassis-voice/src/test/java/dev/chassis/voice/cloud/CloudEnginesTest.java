package dev.chassis.voice.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.Word;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each cloud adapter against a loopback server speaking its provider's protocol, healthy and with faults. */
class CloudEnginesTest {

    private static SpeechServers server;

    @BeforeAll
    static void start() {
        server = new SpeechServers();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void healthy() {
        server.fault = SpeechServers.Fault.NONE;
    }

    /** Two seconds of audio fed in 20 ms frames. */
    private static SpeechTranscript recognise(SpeechToText stt, List<SpeechTranscript> partials) throws Exception {
        short[] frame = new short[320];
        try (SpeechToText.Recognition r = stt.start("en", partials::add)) {
            for (int i = 0; i < 100; i++) {
                for (int j = 0; j < frame.length; j++) {
                    frame[j] = (short) (6000 * Math.sin(2 * Math.PI * 200 * (i * 320 + j) / 16_000.0));
                }
                r.feed(frame, 0, frame.length);
            }
            return r.finish().get(10, TimeUnit.SECONDS);
        }
    }

    private static SpeechException failure(ThrowingCall call) {
        Throwable t = catchThrowable(call::run);
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        assertThat(t).isInstanceOf(SpeechException.class);
        return (SpeechException) t;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void openai_whisper_gets_the_turn_as_a_wav_and_answers_with_word_timings() throws Exception {
        SpeechTranscript t = recognise(OpenAiTranscription.create(server.endpoint(), "whisper-1"), new CopyOnWriteArrayList<>());
        assertThat(t.isFinal()).isTrue();
        assertThat(t.text()).isEqualTo("I started last spring");
        assertThat(server.seen).containsEntry("transcribe.rate", "16000").containsEntry("transcribe.language", "en")
                .containsEntry("transcribe.model", "whisper-1");
        // the server spread the words over the audio it measured: two seconds arrived whole
        assertThat(t.words().getLast().end().toMillis()).isBetween(1900L, 2000L);
    }

    @Test
    void openai_gpt4o_transcription_streams_partials_then_the_final_text() throws Exception {
        List<SpeechTranscript> partials = new CopyOnWriteArrayList<>();
        SpeechTranscript t = recognise(OpenAiTranscription.create(server.endpoint(), "gpt-4o-mini-transcribe"), partials);
        assertThat(partials).extracting(SpeechTranscript::text).containsExactly("I", "I started", "I started last", "I started last spring");
        assertThat(t.text()).isEqualTo("I started last spring");
    }

    @Test
    void openai_transcription_faults_are_told_in_words() {
        SpeechToText stt = OpenAiTranscription.create(server.endpoint(), "whisper-1");
        server.fault = SpeechServers.Fault.RATE_LIMITED;
        SpeechException e = failure(() -> recognise(stt, List.of()));
        assertThat(e).isInstanceOf(SpeechException.RateLimited.class);
        assertThat(((SpeechException.RateLimited) e).retryAfter()).contains(Duration.ofSeconds(2));
        server.fault = SpeechServers.Fault.SERVER_ERROR;
        assertThat(failure(() -> recognise(stt, List.of()))).isInstanceOf(SpeechException.ServerError.class)
                .hasMessage("openai:whisper-1: server error 500 (The server had an error)");
        server.fault = SpeechServers.Fault.MALFORMED;
        assertThat(failure(() -> recognise(stt, List.of()))).isInstanceOf(SpeechException.Broken.class)
                .hasMessage("openai:whisper-1: the answer could not be read");
        server.fault = SpeechServers.Fault.HANG;
        assertThat(failure(() -> recognise(stt, List.of()))).isInstanceOf(SpeechException.Broken.class)
                .hasMessage("openai:whisper-1: no answer in time");
        server.fault = SpeechServers.Fault.DROP;
        assertThat(failure(() -> recognise(OpenAiTranscription.create(server.endpoint(), "gpt-4o-transcribe"), new CopyOnWriteArrayList<>())))
                .isInstanceOf(SpeechException.Broken.class).matches(SpeechException::retryable);
        SpeechException refused = failure(() -> recognise(OpenAiTranscription.create(Endpoint.of(server.base(), "wrong"), "whisper-1"), List.of()));
        assertThat(refused).isInstanceOf(SpeechException.Refused.class).matches(x -> !x.retryable())
                .hasMessage("openai:whisper-1: the API key was refused: Incorrect API key provided").hasMessageNotContaining("wrong");
    }

    @Test
    void openai_speech_streams_pcm_as_it_arrives() throws Exception {
        List<short[]> chunks = new CopyOnWriteArrayList<>();
        TextToSpeech tts = OpenAiSpeech.create(server.endpoint(), "gpt-4o-mini-tts", "alloy");
        TextToSpeech.Spoken s = tts.speak("How did you start using it?", "en", chunks::add).done().get(10, TimeUnit.SECONDS);
        assertThat(server.seen).containsEntry("speech.format", "pcm").containsEntry("speech.voice", "alloy");
        assertThat(tts.sampleRate()).isEqualTo(24_000);
        assertThat(s.audio()).isEqualTo(Duration.ofMillis(6 * 250));   // six words, a quarter second each
        assertThat(chunks.size()).isGreaterThan(6);
        assertThat(chunks).allMatch(c -> c.length > 0);
    }

    @Test
    void openai_speech_dropped_part_way_says_how_much_audio_came() {
        server.fault = SpeechServers.Fault.DROP;
        List<short[]> chunks = new CopyOnWriteArrayList<>();
        SpeechException e = failure(() -> OpenAiSpeech.create(server.endpoint(), "tts-1", "nova")
                .speak("one two three four five", "en", chunks::add).done().get(10, TimeUnit.SECONDS));
        assertThat(e).isInstanceOf(SpeechException.Broken.class).hasMessageStartingWith("openai:tts-1#nova: the audio stream broke after");
        assertThat(chunks).isNotEmpty();
        server.fault = SpeechServers.Fault.SERVER_ERROR;
        assertThat(failure(() -> OpenAiSpeech.create(server.endpoint(), "tts-1", "nova").speak("hi", "en", c -> { }).done().get()))
                .isInstanceOf(SpeechException.ServerError.class);
    }

    @Test
    void deepgram_streams_interim_results_and_finals_with_word_timings() throws Exception {
        List<SpeechTranscript> partials = new CopyOnWriteArrayList<>();
        SpeechTranscript t = recognise(DeepgramStreaming.create(server.endpoint(), "nova-3"), partials);
        assertThat(server.seen.get("listen.query")).contains("encoding=linear16", "sample_rate=16000", "interim_results=true", "model=nova-3");
        assertThat(partials).extracting(SpeechTranscript::text).startsWith("I", "I started");
        assertThat(t.isFinal()).isTrue();
        assertThat(t.text()).isEqualTo("I started last spring");
        assertThat(t.words()).extracting(Word::text).containsExactly("I", "started", "last", "spring");
        assertThat(t.words().get(1).start()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void deepgram_faults_are_told_in_words() {
        server.fault = SpeechServers.Fault.DROP;
        assertThat(failure(() -> recognise(DeepgramStreaming.create(server.endpoint(), "nova-3"), List.of())))
                .isInstanceOf(SpeechException.Broken.class)
                // the client may still be sending audio when the close arrives: then the socket's error wins the race
                .message().isIn("deepgram:nova-3: the service closed the stream (1011, internal error)", "deepgram:nova-3: the connection broke");
        server.fault = SpeechServers.Fault.MALFORMED;
        assertThat(failure(() -> recognise(DeepgramStreaming.create(server.endpoint(), "nova-3"), List.of())))
                .isInstanceOf(SpeechException.Broken.class).hasMessage("deepgram:nova-3: a message could not be read");
        server.fault = SpeechServers.Fault.RATE_LIMITED;
        SpeechException limited = failure(() -> recognise(DeepgramStreaming.create(server.endpoint(), "nova-3"), List.of()));
        assertThat(limited).isInstanceOf(SpeechException.RateLimited.class);
        server.fault = SpeechServers.Fault.NONE;
        assertThat(failure(() -> recognise(DeepgramStreaming.create(Endpoint.of(server.base(), "bad-key"), "nova-3"), List.of())))
                .isInstanceOf(SpeechException.Refused.class).hasMessage("deepgram:nova-3: the API key was refused");
        assertThat(failure(() -> recognise(DeepgramStreaming.create(Endpoint.of("http://127.0.0.1:1", SpeechServers.KEY), "nova-3"), List.of())))
                .isInstanceOf(SpeechException.Unavailable.class).hasMessage("deepgram:nova-3: the service cannot be reached");
    }

    @Test
    void elevenlabs_streams_audio_with_word_timings_from_its_character_alignment() throws Exception {
        List<short[]> chunks = new CopyOnWriteArrayList<>();
        TextToSpeech tts = ElevenLabsStreaming.create(server.endpoint(), "voice-1", "eleven_flash_v2_5");
        TextToSpeech.Spoken s = tts.speak("How did you start?", "en", chunks::add).done().get(10, TimeUnit.SECONDS);
        assertThat(server.seen.get("tts.query")).contains("output_format=pcm_16000", "model_id=eleven_flash_v2_5");
        assertThat(server.seen).containsEntry("tts.voice", "voice-1");
        assertThat(chunks).hasSize(4);
        assertThat(s.audio()).isEqualTo(Duration.ofMillis(1200));
        assertThat(s.words()).extracting(Word::text).containsExactly("How", "did", "you", "start?");
        assertThat(s.words().get(2).start().toMillis()).isBetween(600L, 700L);   // the third word's chunk starts at 600 ms
        assertThat(s.words().get(3).end().toMillis()).isLessThanOrEqualTo(1200L);
    }

    @Test
    void elevenlabs_faults_are_told_in_words() {
        server.fault = SpeechServers.Fault.DROP;
        TextToSpeech tts = ElevenLabsStreaming.create(server.endpoint(), "voice-1", "eleven_flash_v2_5");
        assertThat(failure(() -> tts.speak("one two three", "en", c -> { }).done().get(10, TimeUnit.SECONDS)))
                .isInstanceOf(SpeechException.Broken.class)
                // the client may still be sending text when the close arrives: then the socket's error wins the race
                .message().isIn("elevenlabs:voice-1#eleven_flash_v2_5: the service closed the stream before the end (1011)",
                        "elevenlabs:voice-1#eleven_flash_v2_5: the connection broke");
        server.fault = SpeechServers.Fault.MALFORMED;
        assertThat(failure(() -> tts.speak("one two", "en", c -> { }).done().get(10, TimeUnit.SECONDS)))
                .isInstanceOf(SpeechException.Broken.class).hasMessageEndingWith("a message could not be read");
        server.fault = SpeechServers.Fault.NONE;
        SpeechException refused = failure(() -> ElevenLabsStreaming.create(Endpoint.of(server.base(), "nope"), "voice-1", "m")
                .speak("hi", "en", c -> { }).done().get(10, TimeUnit.SECONDS));
        // the same race: a refusal read before the socket breaks says why; otherwise the break is told, never a stack trace
        if (refused instanceof SpeechException.Refused) {
            assertThat(refused).hasMessage("elevenlabs:voice-1#m: the service closed the stream: Invalid API key");
        } else {
            assertThat(refused).isInstanceOf(SpeechException.Broken.class).hasMessage("elevenlabs:voice-1#m: the connection broke");
        }
    }

    @Test
    void a_key_is_never_in_an_endpoints_text() {
        assertThat(server.endpoint().toString()).doesNotContain(SpeechServers.KEY);
    }
}
