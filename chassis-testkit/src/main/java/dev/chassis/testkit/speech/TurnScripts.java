package dev.chassis.testkit.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interview answers to speak, in seven languages, each a turn of two pieces: either a phrase broken off mid-way (after
 * a conjunction, an article or a preposition, where people stop to think) or two sentences. With a speaker's pace they
 * become {@link SpokenTurn}s whose pauses are drawn, by seed, from ranges like people's: 0.6-1.2 s mid-phrase,
 * 0.35-0.75 s between sentences, stretched by how slow the speaker is.
 */
public final class TurnScripts {

    /** A speaker: an espeak-ng voice, words per minute, pitch and how much longer than usual they pause. */
    public record Speaker(String voice, int wordsPerMinute, int pitch, double pauseScale) { }

    private static final Map<String, List<String[]>> TURNS = Map.of(
            "en", List.of(
                    t("I started using it last spring, and", "then my whole team joined."),
                    t("We meet every Monday.", "Sometimes on Friday too."),
                    t("The hardest part was the", "first week with the new tool."),
                    t("Honestly, I think it saves time.", "But it took a while to learn."),
                    t("My manager asked me to try it because", "our old system kept crashing."),
                    t("No.", "I never used the mobile app."),
                    t("It depends on the", "project and the deadline."),
                    t("We tried three different tools.", "This one was the easiest.")),
            "fr", List.of(
                    t("J'ai commencé au printemps dernier, et", "puis toute mon équipe a suivi."),
                    t("On se réunit chaque lundi.", "Parfois le vendredi aussi."),
                    t("Le plus difficile, c'était la", "première semaine avec l'outil."),
                    t("Je pense que ça fait gagner du temps.", "Mais il a fallu apprendre."),
                    t("Mon chef m'a demandé de l'essayer parce que", "l'ancien système plantait."),
                    t("Non.", "Je n'ai jamais utilisé l'application."),
                    t("Ça dépend du", "projet et des délais."),
                    t("Nous avons essayé trois outils.", "Celui-ci était le plus simple.")),
            "de", List.of(
                    t("Ich habe letzten Frühling angefangen, und", "dann kam mein ganzes Team dazu."),
                    t("Wir treffen uns jeden Montag.", "Manchmal auch am Freitag."),
                    t("Das Schwierigste war die", "erste Woche mit dem Werkzeug."),
                    t("Ich glaube, es spart Zeit.", "Aber das Lernen hat gedauert."),
                    t("Mein Chef wollte, dass ich es teste, weil", "das alte System abstürzte."),
                    t("Nein.", "Die App habe ich nie benutzt."),
                    t("Das hängt vom", "Projekt und der Frist ab."),
                    t("Wir haben drei Programme probiert.", "Dieses war das einfachste.")),
            "es", List.of(
                    t("Empecé la primavera pasada, y", "luego se unió todo mi equipo."),
                    t("Nos reunimos cada lunes.", "A veces también los viernes."),
                    t("Lo más difícil fue la", "primera semana con la herramienta."),
                    t("Creo que ahorra tiempo.", "Pero costó aprender."),
                    t("Mi jefe me pidió probarla porque", "el sistema viejo fallaba."),
                    t("No.", "Nunca usé la aplicación."),
                    t("Depende del", "proyecto y del plazo."),
                    t("Probamos tres herramientas.", "Esta fue la más fácil.")),
            "pt", List.of(
                    t("Comecei na primavera passada, e", "depois a minha equipa toda veio."),
                    t("Reunimo-nos todas as segundas.", "Às vezes também à sexta."),
                    t("O mais difícil foi a", "primeira semana com a ferramenta."),
                    t("Acho que poupa tempo.", "Mas custou aprender."),
                    t("O meu chefe pediu para testar porque", "o sistema antigo falhava."),
                    t("Não.", "Nunca usei a aplicação."),
                    t("Depende do", "projeto e do prazo."),
                    t("Experimentámos três ferramentas.", "Esta foi a mais fácil.")),
            "it", List.of(
                    t("Ho iniziato la primavera scorsa, e", "poi si è unito tutto il team."),
                    t("Ci vediamo ogni lunedì.", "A volte anche il venerdì."),
                    t("La parte più difficile è stata la", "prima settimana con lo strumento."),
                    t("Credo che faccia risparmiare tempo.", "Ma ci è voluto per imparare."),
                    t("Il mio capo mi ha chiesto di provarlo perché", "il vecchio sistema si bloccava."),
                    t("No.", "Non ho mai usato l'app."),
                    t("Dipende dal", "progetto e dalla scadenza."),
                    t("Abbiamo provato tre strumenti.", "Questo era il più semplice.")),
            "nl", List.of(
                    t("Ik begon afgelopen voorjaar, en", "toen kwam mijn hele team erbij."),
                    t("We zien elkaar elke maandag.", "Soms ook op vrijdag."),
                    t("Het moeilijkste was de", "eerste week met het programma."),
                    t("Ik denk dat het tijd bespaart.", "Maar leren kostte moeite."),
                    t("Mijn baas vroeg het te proberen omdat", "het oude systeem vastliep."),
                    t("Nee.", "De app heb ik nooit gebruikt."),
                    t("Het hangt af van het", "project en de deadline."),
                    t("We probeerden drie programma's.", "Dit was het makkelijkst.")));

    private TurnScripts() {
    }

    /** The languages with scripts. */
    public static List<String> languages() {
        return List.of("en", "fr", "de", "es", "pt", "it", "nl");
    }

    /** The answers of {@code language} spoken by {@code speaker}, with pauses drawn from {@code seed}, each followed by 3 s of silence. */
    public static List<SpokenTurn> spoken(String language, Speaker speaker, long seed) {
        Random r = new Random(seed);
        List<SpokenTurn> out = new ArrayList<>();
        for (String[] turn : TURNS.get(language)) {
            boolean broken = !turn[0].endsWith(".");
            long pause = broken ? 600 + r.nextInt(600) : 350 + r.nextInt(400);
            // a phrase broken off is spoken with the continuing tune a comma gives it
            out.add(SpokenTurn.speak(List.of(
                    new SpokenTurn.Line(broken ? turn[0] + "," : turn[0], Duration.ofMillis(Math.round(pause * speaker.pauseScale())), broken),
                    new SpokenTurn.Line(turn[1], Duration.ZERO, false)), speaker.voice(), speaker.wordsPerMinute(), speaker.pitch(),
                    Duration.ofSeconds(3)));
        }
        return out;
    }

    private static String[] t(String first, String second) {
        return new String[] {first, second};
    }
}
