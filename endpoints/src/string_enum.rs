//! `string_enum!`: an enum of the wire strings a field may hold, plus `Unknown(String)` for
//! values added after this SDK was released, so a newer server never breaks an older client.

/// Declares a string enum with the wire value of each variant and an `Unknown(String)` variant.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this version of the SDK does not know, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(other) => other,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            /// Known values match case-insensitively; anything else is `Unknown`.
            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                $(if text.eq_ignore_ascii_case($wire) {
                    return Ok($name::$variant);
                })*
                Ok($name::Unknown(text.to_owned()))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(text.parse().unwrap_or_else(|never| match never {}))
            }
        }

        impl $crate::ParamValue for $name {
            fn write_value(&self, out: &mut String) {
                out.push_str(self.as_str());
            }
        }
    };
}

pub(crate) use string_enum;
