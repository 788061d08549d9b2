# Independent population of a county's current territory, base R only, for PopulationAgreesWithRTest.
# Inputs: population.csv and region-changes.csv of schema/reference/, a CSV of codes (column code), the first and
# last year. Output: code, year, population (NA where no census fits the territory).
# The rule (fazhi.reference.PopulationTable): bring the code forward through recodes; a census figure is the sum
# of the census rows of the codes renamed, recoded or merged into it since the census, unless land went from
# those codes to another unit since; census years as counted, years between on the straight line rounded half
# up, years outside the nearest census, one census alone for every year.
args <- commandArgs(trailingOnly = TRUE)
pop <- read.csv(args[1], colClasses = "character")
pop$population <- as.numeric(pop$population)
pop$year <- as.integer(pop$year)
ch <- read.csv(args[2], colClasses = "character")
ch$year <- as.integer(ch$year)
codes <- read.csv(args[3], colClasses = "character")$code
first <- as.integer(args[5]); last <- as.integer(args[6])

series_code <- function(code) {
  cur <- code; since <- -Inf
  repeat {
    r <- ch[ch$old_code == cur & ch$change == "recoded" & ch$year > since & ch$new_code != cur, ]
    if (nrow(r) == 0) return(cur)
    r <- r[order(r$year), ][1, ]
    cur <- r$new_code; since <- r$year
  }
}
territory <- function(code, since) {
  out <- character(0); queue <- code
  while (length(queue) > 0) {
    c <- queue[length(queue)]; queue <- queue[-length(queue)]
    if (c %in% out) next
    out <- c(out, c)
    r <- ch[ch$new_code == c & ch$year >= since & ch$old_code != "" & ch$change != "created", ]
    queue <- c(queue, r$old_code)
  }
  out
}
census <- function(code, y) {
  t <- territory(code, y)
  r <- ch[ch$old_code %in% t & ch$year >= y & ch$new_code != "", ]
  if (any(!(r$new_code %in% t))) return(NA_real_)
  rows <- pop[pop$year == y & pop$region_code %in% t, ]
  if (nrow(rows) == 0) NA_real_ else sum(rows$population)
}
out <- list()
for (code in codes) {
  s <- series_code(code)
  a <- census(s, 2010); b <- census(s, 2020)
  years <- first:last
  p <- if (is.na(a) && is.na(b)) rep(NA_real_, length(years))
       else if (is.na(a)) rep(b, length(years))
       else if (is.na(b)) rep(a, length(years))
       else ifelse(years <= 2010, a, ifelse(years >= 2020, b, floor(a + (b - a) * (years - 2010) / 10 + 0.5)))
  out[[length(out) + 1]] <- data.frame(code = code, year = years, population = sprintf("%.0f", p))
}
write.csv(do.call(rbind, out), args[4], row.names = FALSE, quote = FALSE)
