//! When and how long to wait before trying a call again.

use crate::endpoint::Method;
use crate::error::TransportKind;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::time::{Duration, SystemTime};

/// The retry policy: on by default, bounded by attempts and by total time.
///
/// What is retried:
/// - 429, for every method (the request was not processed), after `Retry-After` (seconds or
///   an HTTP date) or, without it, after the backoff; a `Retry-After` beyond
///   [`max_retry_after`](RetryPolicy::max_retry_after) returns the 429 at once;
/// - 502, 503 and 504, for idempotent methods only (not POST or PATCH), honouring
///   `Retry-After` when present;
/// - connection failures (the request surely was not sent), for every method;
/// - timeouts and connections lost after sending, for idempotent methods only.
///
/// ```
/// use purecloud_runtime::RetryPolicy;
/// use std::time::Duration;
/// let patient = RetryPolicy::default().max_attempts(10).max_elapsed(Duration::from_secs(300));
/// let never = RetryPolicy::disabled();
/// # let _ = (patient, never);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    max_elapsed: Duration,
    max_retry_after: Duration,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// 4 attempts, within 60 s in all, `Retry-After` honoured up to 30 s, backoff from 250 ms
    /// doubling up to 8 s, with full jitter.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_elapsed: Duration::from_secs(60),
            max_retry_after: Duration::from_secs(30),
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// No retries: every call makes one attempt (a rejected token is still renewed once).
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// At most this many attempts per call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// No retry starts once this much time has passed since the call began, nor a wait that
    /// would end after it.
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// A `Retry-After` longer than this is not waited for: the 429 is returned at once.
    pub fn max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// The first backoff (doubled at each retry, with full jitter) and its ceiling.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// How many attempts a call may make.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before attempt `attempt + 1` after a failed attempt `attempt`, or `None` to
    /// give up. `elapsed` is the time since the call began.
    pub(crate) fn next_delay(
        &self,
        failure: Failure,
        method: Method,
        attempt: u32,
        elapsed: Duration,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let delay = match failure {
            Failure::Status { status, retry_after } => {
                let retryable = match status.as_u16() {
                    429 => true,
                    502..=504 => method.is_idempotent(),
                    _ => false,
                };
                if !retryable {
                    return None;
                }
                match retry_after {
                    Some(wait) if wait > self.max_retry_after => return None,
                    Some(wait) => wait,
                    None => self.backoff_for(attempt),
                }
            }
            Failure::NotSent => self.backoff_for(attempt),
            Failure::MaybeProcessed if method.is_idempotent() => self.backoff_for(attempt),
            Failure::MaybeProcessed => return None,
        };
        elapsed
            .checked_add(delay)
            .is_some_and(|end| end < self.max_elapsed)
            .then_some(delay)
    }

    /// Full jitter: uniform in `[0, min(max, initial · 2^(attempt-1))]`.
    fn backoff_for(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1 << attempt.saturating_sub(1).min(20));
        let ceiling = exp.min(self.max_backoff);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// Why an attempt failed, as far as retrying is concerned.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Failure {
    /// An answer with a non-2xx status.
    Status {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
    /// No connection: the server never saw the request.
    NotSent,
    /// Timeout or connection lost after sending: the server may have processed it.
    MaybeProcessed,
}

impl Failure {
    /// A transport failure: only a refused connection proves the request was not sent.
    pub(crate) fn from_transport(kind: TransportKind) -> Failure {
        match kind {
            TransportKind::Connect => Failure::NotSent,
            _ => Failure::MaybeProcessed,
        }
    }
}

/// Reads `Retry-After` as delta seconds or an HTTP date (case-insensitive name, any case of
/// the date's day and month names accepted by `httpdate`).
pub(crate) fn parse_retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(1e9)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(
            parse_retry_after(&headers("3"), now),
            Some(Duration::from_secs(3))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(5));
        assert_eq!(
            parse_retry_after(&headers(&later), now),
            Some(Duration::from_secs(5))
        );
        let past = httpdate::fmt_http_date(now - Duration::from_secs(5));
        assert_eq!(parse_retry_after(&headers(&past), now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after(&headers("soon"), now), None);
        assert_eq!(parse_retry_after(&headers("-1"), now), None);
        assert_eq!(parse_retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn decisions_follow_method_and_status() {
        let policy = RetryPolicy::default();
        let status = |code: u16, retry_after| Failure::Status {
            status: StatusCode::from_u16(code).unwrap(),
            retry_after,
        };
        let zero = Duration::ZERO;
        let one = Some(Duration::from_secs(1));
        assert_eq!(policy.next_delay(status(429, one), Method::Post, 1, zero), one);
        assert_eq!(
            policy.next_delay(status(429, Some(Duration::from_secs(31))), Method::Get, 1, zero),
            None
        );
        assert!(
            policy
                .next_delay(status(503, None), Method::Get, 1, zero)
                .is_some()
        );
        assert_eq!(policy.next_delay(status(503, None), Method::Post, 1, zero), None);
        assert_eq!(policy.next_delay(status(500, None), Method::Get, 1, zero), None);
        assert_eq!(policy.next_delay(status(501, None), Method::Get, 1, zero), None);
        assert!(
            policy
                .next_delay(Failure::NotSent, Method::Patch, 1, zero)
                .is_some()
        );
        assert_eq!(
            policy.next_delay(Failure::MaybeProcessed, Method::Post, 1, zero),
            None
        );
        assert_eq!(
            policy.next_delay(status(429, one), Method::Get, 4, zero),
            None,
            "attempts exhausted"
        );
        assert_eq!(
            policy.next_delay(status(429, one), Method::Get, 1, Duration::from_secs(59)),
            None,
            "time exhausted"
        );
        assert_eq!(
            RetryPolicy::disabled().next_delay(status(429, one), Method::Get, 1, zero),
            None
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy = RetryPolicy::default();
        for attempt in 1..30 {
            let delay = policy.backoff_for(attempt);
            assert!(delay <= Duration::from_secs(8), "{attempt}: {delay:?}");
            assert!(delay <= Duration::from_millis(250) * 2u32.pow((attempt - 1).min(10)));
        }
    }
}
