package dev.chassis.server.live;

/** How releasing an interview its participant left turned out ({@link LiveInterview#releaseIfLeft}). */
enum Release {
    /** Closed (or closed already): the caller forgets it; the same link resumes it from the journal. */
    RELEASED,
    /** Someone connected again meanwhile: kept. */
    REJOINED,
    /** A reply is streaming or the interview is completing: try again a little later. */
    LATER
}
