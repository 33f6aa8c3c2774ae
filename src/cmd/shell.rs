//! Shell completions and the manual page, generated from the same clap definitions as the
//! commands (so they cannot drift from them), and `rolo __ids`, which the completion scripts
//! call to offer people's ids wherever a command takes WHO.
//!
//! clap_complete's dynamic completion (its "engine") is still behind an unstable feature, so
//! the scripts are clap_complete's static ones with a few lines per shell added after them
//! that ask `rolo __ids` for the ids (bash, zsh, fish). Elvish and PowerShell get the static
//! script: commands and options, no ids.

use super::{CliResult, Ctx};
use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::Write;

/// Commands whose first argument is WHO (`intro` and `merge` have two, `note` any number).
const FIRST_IS_WHO: &str =
    "show brief timeline need met drop followup done edit archive unarchive rename";

pub fn completions(ctx: &mut Ctx, shell: Shell) -> CliResult {
    write_completions(ctx.out, shell)
}

pub fn write_completions(out: &mut dyn Write, shell: Shell) -> CliResult {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rolo", &mut script);
    out.write_all(&script)?;
    out.write_all(ids_hook(shell).as_bytes())?;
    Ok(())
}

fn ids_hook(shell: Shell) -> String {
    match shell {
        Shell::Bash => BASH.replace("@FIRST@", FIRST_IS_WHO),
        Shell::Zsh => ZSH.replace("@FIRST@", FIRST_IS_WHO),
        Shell::Fish => FISH.replace("@FIRST@", FIRST_IS_WHO),
        _ => String::new(),
    }
}

/// Wraps clap's `_rolo`: where a WHO goes (after a command that takes one, or after
/// `--who`), the ids `rolo __ids` prints, with the same `--dir` as the line being typed.
const BASH: &str = r#"
# rolo: people's ids where a command takes WHO (from `rolo __ids`).
_rolo_who() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local sub="" positional=0 i word dir=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            --dir) dir=(--dir "${COMP_WORDS[i+1]}"); ((i++)) ;;
            --kind|--at|--gave|--asked|--how|--due|--for|--note|-n|--count|--tag|--company|--role|--every|--email|--phone|--birthday|--met|--helps-with|-o|--output|--who) ((i++)) ;;
            -*) ;;
            *) if [[ -z "$sub" ]]; then sub="$word"; else ((positional++)); fi ;;
        esac
    done
    local want=0
    if [[ "$prev" == "--who" ]]; then
        want=1
    elif [[ -n "$sub" && "$cur" != -* ]]; then
        case " @FIRST@ " in *" $sub "*) [[ $positional -eq 0 ]] && want=1 ;; esac
        [[ "$sub" == "note" ]] && want=1
        [[ ( "$sub" == "intro" || "$sub" == "merge" ) && $positional -lt 2 ]] && want=1
    fi
    if [[ $want -eq 1 ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$(rolo "${dir[@]}" __ids 2>/dev/null)" -- "$cur"))
        return 0
    fi
    _rolo "$@"
}
complete -F _rolo_who -o bashdefault -o default rolo
"#;

/// zsh: the same rule, answered with `compadd` before clap's `_rolo` is asked.
const ZSH: &str = r#"
# rolo: people's ids where a command takes WHO (from `rolo __ids`).
_rolo_who() {
    local sub="" positional=0 i word
    local -a dir
    for ((i = 2; i < CURRENT; i++)); do
        word="${words[i]}"
        case "$word" in
            --dir) dir=(--dir "${words[i+1]}"); ((i++)) ;;
            --kind|--at|--gave|--asked|--how|--due|--for|--note|-n|--count|--tag|--company|--role|--every|--email|--phone|--birthday|--met|--helps-with|-o|--output|--who) ((i++)) ;;
            -*) ;;
            *) if [[ -z "$sub" ]]; then sub="$word"; else ((positional++)); fi ;;
        esac
    done
    local want=0
    if [[ "${words[CURRENT-1]}" == "--who" ]]; then
        want=1
    elif [[ -n "$sub" && "${words[CURRENT]}" != -* ]]; then
        [[ " @FIRST@ " == *" $sub "* && $positional -eq 0 ]] && want=1
        [[ "$sub" == "note" ]] && want=1
        [[ ( "$sub" == "intro" || "$sub" == "merge" ) && $positional -lt 2 ]] && want=1
    fi
    if (( want )); then
        local -a ids
        ids=(${(f)"$(rolo "${dir[@]}" __ids 2>/dev/null)"})
        compadd -a ids
        return
    fi
    _rolo "$@"
}
compdef _rolo_who rolo
"#;

/// fish merges completions: these add the ids to what clap's lines offer.
const FISH: &str = r#"
# rolo: people's ids where a command takes WHO (from `rolo __ids`).
complete -c rolo -n "__fish_seen_subcommand_from @FIRST@ note intro merge" -f -a "(rolo __ids 2>/dev/null)"
complete -c rolo -l who -f -a "(rolo __ids 2>/dev/null)"
"#;

pub fn man(ctx: &mut Ctx) -> CliResult {
    write_man(ctx.out)
}

pub fn write_man(out: &mut dyn Write) -> CliResult {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}

/// Everyone's id, one a line, in id order: what a completion script offers for WHO.
pub fn ids(ctx: &mut Ctx) -> CliResult {
    let mut ids: Vec<&str> = ctx
        .journal
        .contacts()
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    ids.sort_unstable();
    for id in ids {
        // An id from a file named by hand could hold anything: one that is not a plain word
        // (a space, a control character) would break the script's word list.
        if !id.chars().any(|c| c.is_control() || c.is_whitespace()) {
            writeln!(ctx.out, "{id}")?;
        }
    }
    Ok(())
}
