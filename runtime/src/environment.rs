//! Genesys Cloud regions and custom base URLs, and the API and login bases derived from them.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// The 18 public Genesys Cloud regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// Americas (US East), `mypurecloud.com`: the default.
    UsEast1,
    /// EMEA (Dublin), `mypurecloud.ie`.
    EuWest1,
    /// Asia Pacific (Sydney), `mypurecloud.com.au`.
    ApSoutheast2,
    /// Asia Pacific (Tokyo), `mypurecloud.jp`.
    ApNortheast1,
    /// EMEA (Frankfurt), `mypurecloud.de`.
    EuCentral1,
    /// Americas (US West), `usw2.pure.cloud`.
    UsWest2,
    /// Americas (Canada), `cac1.pure.cloud`.
    CaCentral1,
    /// Asia Pacific (Seoul), `apne2.pure.cloud`.
    ApNortheast2,
    /// EMEA (London), `euw2.pure.cloud`.
    EuWest2,
    /// Asia Pacific (Mumbai), `aps1.pure.cloud`.
    ApSouth1,
    /// Americas (FedRAMP), `use2.us-gov-pure.cloud`.
    UsEast2,
    /// Americas (São Paulo), `sae1.pure.cloud`.
    SaEast1,
    /// Middle East (UAE), `mec1.pure.cloud`.
    MeCentral1,
    /// Asia Pacific (Osaka), `apne3.pure.cloud`.
    ApNortheast3,
    /// EMEA (Zurich), `euc2.pure.cloud`.
    EuCentral2,
    /// Americas (Mexico), `mxc1.pure.cloud`.
    MxCentral1,
    /// Asia Pacific (Singapore), `apse1.pure.cloud`.
    ApSoutheast1,
    /// EMEA (EU sovereign cloud, Germany), `edee1.eusc-pure.cloud`.
    EuscDeEast1,
}

impl Region {
    /// Every region, in the order of the official SDKs' tables.
    pub const ALL: [Region; 18] = [
        Region::UsEast1,
        Region::EuWest1,
        Region::ApSoutheast2,
        Region::ApNortheast1,
        Region::EuCentral1,
        Region::UsWest2,
        Region::CaCentral1,
        Region::ApNortheast2,
        Region::EuWest2,
        Region::ApSouth1,
        Region::UsEast2,
        Region::SaEast1,
        Region::MeCentral1,
        Region::ApNortheast3,
        Region::EuCentral2,
        Region::MxCentral1,
        Region::ApSoutheast1,
        Region::EuscDeEast1,
    ];

    /// The region's name as the official SDKs spell it, e.g. `"eu_west_1"`.
    pub fn name(self) -> &'static str {
        self.entry().0
    }

    /// The region's host, e.g. `"mypurecloud.ie"`: the API is at `api.` + host.
    pub fn host(self) -> &'static str {
        self.entry().1
    }

    fn entry(self) -> (&'static str, &'static str) {
        match self {
            Region::UsEast1 => ("us_east_1", "mypurecloud.com"),
            Region::EuWest1 => ("eu_west_1", "mypurecloud.ie"),
            Region::ApSoutheast2 => ("ap_southeast_2", "mypurecloud.com.au"),
            Region::ApNortheast1 => ("ap_northeast_1", "mypurecloud.jp"),
            Region::EuCentral1 => ("eu_central_1", "mypurecloud.de"),
            Region::UsWest2 => ("us_west_2", "usw2.pure.cloud"),
            Region::CaCentral1 => ("ca_central_1", "cac1.pure.cloud"),
            Region::ApNortheast2 => ("ap_northeast_2", "apne2.pure.cloud"),
            Region::EuWest2 => ("eu_west_2", "euw2.pure.cloud"),
            Region::ApSouth1 => ("ap_south_1", "aps1.pure.cloud"),
            Region::UsEast2 => ("us_east_2", "use2.us-gov-pure.cloud"),
            Region::SaEast1 => ("sa_east_1", "sae1.pure.cloud"),
            Region::MeCentral1 => ("me_central_1", "mec1.pure.cloud"),
            Region::ApNortheast3 => ("ap_northeast_3", "apne3.pure.cloud"),
            Region::EuCentral2 => ("eu_central_2", "euc2.pure.cloud"),
            Region::MxCentral1 => ("mx_central_1", "mxc1.pure.cloud"),
            Region::ApSoutheast1 => ("ap_southeast_1", "apse1.pure.cloud"),
            Region::EuscDeEast1 => ("eusc_de_east_1", "edee1.eusc-pure.cloud"),
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where the client sends requests: a region, or a custom base URL (a gateway, the mock).
///
/// Parse one from a region name (`"eu_west_1"` or `"eu-west-1"`), a region host
/// (`"mypurecloud.ie"`, `"api.mypurecloud.ie"`) or a base URL with a scheme
/// (`"https://gateway.example.com"`, `"http://127.0.0.1:8080"`):
///
/// ```
/// use purecloud_runtime::{Environment, Region};
/// let env: Environment = "mypurecloud.ie".parse().unwrap();
/// assert_eq!(env, Environment::Region(Region::EuWest1));
/// assert_eq!(env.api_base(), "https://api.mypurecloud.ie");
/// assert_eq!(env.login_base(), "https://login.mypurecloud.ie");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// A public region.
    Region(Region),
    /// A custom base URL. When its host starts with `api.`, the login base is the same URL
    /// with `login.`; otherwise tokens are requested from the same base, as the official SDKs
    /// do for gateways and local servers.
    Custom {
        /// The API base, without a trailing `/`.
        api_base: String,
        /// The login base, without a trailing `/`.
        login_base: String,
    },
}

impl Default for Environment {
    fn default() -> Self {
        Environment::Region(Region::UsEast1)
    }
}

impl Environment {
    /// A custom base URL such as `http://127.0.0.1:8080`; see [`Environment::Custom`].
    pub fn custom(base_url: &str) -> Result<Environment, Error> {
        let api_base = base_url.trim_end_matches('/').to_owned();
        let url = reqwest::Url::parse(&api_base).map_err(|e| {
            Error::config(format!(
                "`{base_url}` is not a valid base URL ({e}); write it with a scheme, as in https://api.mypurecloud.com"
            ))
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::config(format!(
                "`{base_url}` is not an http(s) base URL; write it as https://host[:port]"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::config(format!(
                "the base URL `{base_url}` must not have a query or fragment"
            )));
        }
        let login_base = api_base.replacen("://api.", "://login.", 1);
        Ok(Environment::Custom { api_base, login_base })
    }

    /// The base of API requests, e.g. `https://api.mypurecloud.com`.
    pub fn api_base(&self) -> String {
        match self {
            Environment::Region(region) => format!("https://api.{}", region.host()),
            Environment::Custom { api_base, .. } => api_base.clone(),
        }
    }

    /// The base of the OAuth service, e.g. `https://login.mypurecloud.com`.
    pub fn login_base(&self) -> String {
        match self {
            Environment::Region(region) => format!("https://login.{}", region.host()),
            Environment::Custom { login_base, .. } => login_base.clone(),
        }
    }

    /// Whether requests go to this machine (`127.0.0.0/8`, `::1`, `localhost`).
    pub fn is_loopback(&self) -> bool {
        let Environment::Custom { api_base, .. } = self else {
            return false;
        };
        let Ok(url) = reqwest::Url::parse(api_base) else {
            return false;
        };
        match url.host() {
            Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        }
    }

    /// Whether both bases use HTTPS.
    pub fn is_https(&self) -> bool {
        self.api_base().starts_with("https://") && self.login_base().starts_with("https://")
    }
}

impl FromStr for Environment {
    type Err = Error;

    fn from_str(text: &str) -> Result<Environment, Error> {
        let text = text.trim();
        if text.contains("://") {
            let bare = text
                .split_once("://")
                .map_or(text, |(_, rest)| rest)
                .trim_end_matches('/');
            let host = bare.strip_prefix("api.").unwrap_or(bare);
            if text.starts_with("https://")
                && let Some(region) = Region::ALL.into_iter().find(|r| r.host() == host)
            {
                return Ok(Environment::Region(region));
            }
            return Environment::custom(text);
        }
        let lower = text.to_ascii_lowercase();
        let name = lower.replace('-', "_");
        let host = lower.strip_prefix("api.").unwrap_or(&lower);
        Region::ALL
            .into_iter()
            .find(|r| r.name() == name || r.host() == host)
            .map(Environment::Region)
            .ok_or_else(|| {
                Error::config(format!(
                    "unknown Genesys Cloud region `{text}`: use a region name such as `us_east_1` or `eu_west_1`, \
                     a region host such as `mypurecloud.ie`, or a base URL with its scheme such as `https://gateway.example.com`"
                ))
            })
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Environment::Region(region) => write!(f, "{} ({})", region.name(), region.host()),
            Environment::Custom { api_base, .. } => f.write_str(api_base),
        }
    }
}
