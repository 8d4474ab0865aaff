package dev.chassis.talk.language;

import java.util.Map;

/** An everyday interview answer in each supported language (about using an app at work), written for these tests. */
public final class LanguageSamples {

    static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("en", "I usually open the app in the morning to check which deliveries are late before the team arrives."),
            Map.entry("es", "Normalmente abro la aplicación por la mañana para ver qué entregas llegan tarde antes de que llegue el equipo."),
            Map.entry("fr", "D'habitude, j'ouvre l'application le matin pour voir quelles livraisons sont en retard avant l'arrivée de l'équipe."),
            Map.entry("de", "Normalerweise öffne ich die App morgens, um zu sehen, welche Lieferungen sich verspäten, bevor das Team kommt."),
            Map.entry("it", "Di solito apro l'applicazione la mattina per controllare quali consegne sono in ritardo prima che arrivi la squadra."),
            Map.entry("pt", "Normalmente abro o aplicativo de manhã para ver quais entregas estão atrasadas antes de a equipe chegar."),
            Map.entry("nl", "Meestal open ik de app 's ochtends om te kijken welke leveringen te laat zijn voordat het team binnenkomt."),
            Map.entry("sv", "Oftast öppnar jag appen på morgonen för att se vilka leveranser som är försenade innan laget kommer in."),
            Map.entry("da", "Som regel åbner jeg appen om morgenen for at se, hvilke leverancer der er forsinkede, inden holdet møder ind."),
            Map.entry("nb", "Vanligvis åpner jeg appen om morgenen for å se hvilke leveranser som er forsinket før resten av laget kommer."),
            Map.entry("fi", "Yleensä avaan sovelluksen aamulla ja katson, mitkä toimitukset ovat myöhässä, ennen kuin tiimi saapuu töihin."),
            Map.entry("pl", "Zwykle otwieram aplikację rano, żeby sprawdzić, które dostawy są spóźnione, zanim przyjdzie reszta zespołu."),
            Map.entry("cs", "Obvykle otevírám aplikaci ráno, abych zjistil, které dodávky mají zpoždění, než dorazí zbytek týmu."),
            Map.entry("ro", "De obicei deschid aplicația dimineața ca să văd ce livrări întârzie, înainte să ajungă restul echipei."),
            Map.entry("hu", "Általában reggel nyitom meg az alkalmazást, hogy lássam, mely szállítások késnek, mielőtt a csapat beér."),
            Map.entry("el", "Συνήθως ανοίγω την εφαρμογή το πρωί για να δω ποιες παραδόσεις έχουν καθυστέρηση πριν έρθει η ομάδα."),
            Map.entry("tr", "Genellikle sabahları ekip gelmeden önce hangi teslimatların geciktiğini görmek için uygulamayı açıyorum."),
            Map.entry("ru", "Обычно я открываю приложение утром, чтобы посмотреть, какие поставки опаздывают, пока команда ещё не пришла."),
            Map.entry("uk", "Зазвичай я відкриваю застосунок зранку, щоб побачити, які поставки запізнюються, поки команда ще не прийшла."),
            Map.entry("ar", "عادةً أفتح التطبيق في الصباح لأرى أي الشحنات متأخرة قبل أن يصل الفريق."),
            Map.entry("he", "בדרך כלל אני פותח את האפליקציה בבוקר כדי לראות אילו משלוחים מתעכבים לפני שהצוות מגיע."),
            Map.entry("hi", "आम तौर पर मैं सुबह ऐप खोलता हूँ ताकि टीम के आने से पहले देख सकूँ कि कौन सी डिलीवरी देर से आ रही हैं।"),
            Map.entry("ja", "普段は朝にアプリを開いて、チームが来る前にどの配送が遅れているかを確認しています。"),
            Map.entry("ko", "보통 아침에 앱을 열어서 팀이 오기 전에 어떤 배송이 늦어지는지 확인해요."),
            Map.entry("zh", "我通常早上打开这个应用，在团队到来之前看看哪些货物会迟到。"),
            Map.entry("id", "Biasanya saya membuka aplikasinya pagi-pagi untuk melihat pengiriman mana yang terlambat sebelum tim datang."),
            Map.entry("vi", "Thường thì buổi sáng tôi mở ứng dụng để xem những đơn giao hàng nào bị trễ trước khi cả nhóm đến."),
            Map.entry("th", "ปกติผมจะเปิดแอปตอนเช้าเพื่อดูว่าการส่งของรายการไหนล่าช้าก่อนที่ทีมจะมาถึง"));

    private LanguageSamples() {
    }

    /** The answer in {@code code}. */
    public static String answer(String code) {
        return ANSWERS.get(code);
    }
}
