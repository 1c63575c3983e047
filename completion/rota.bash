# SPDX-License-Identifier: MIT
# rota.bash: bash completion for rota: subcommands, their options, and files.
#
# Installed as "rota" in bash-completion's completionsdir, where it is loaded
# on the first <TAB> after "rota".  It uses bash-completion's _init_completion
# and _filedir when they are there, and plain compgen otherwise.

# _rota_files [EXT...]: complete files with one of the extensions (and
# folders, to walk into them); every file when no extension is given.
_rota_files()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    if declare -F _filedir >/dev/null; then
        if [ $# -eq 0 ]; then
            _filedir
        else
            local IFS='|'
            _filedir "@($*)"
        fi
        return
    fi
    local IFS=$'\n' f ext
    for f in $(compgen -f -- "$cur"); do
        if [ -d "$f" ] || [ $# -eq 0 ]; then
            COMPREPLY+=("$f")
            continue
        fi
        for ext in "$@"; do
            case $f in *."$ext") COMPREPLY+=("$f") ;; esac
        done
    done
}

_rota_dirs()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    if declare -F _filedir >/dev/null; then
        _filedir -d
    else
        local IFS=$'\n'
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}

_rota()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    COMPREPLY=()

    local commands="check solve score export import diff record swap bulletin demo help"
    local command="" format="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *)
                if [ -z "$command" ]; then
                    command=${words[i]}
                elif [[ $command == export || $command == record ]] && [ -z "$format" ]; then
                    format=${words[i]}
                fi
                ;;
        esac
    done

    if [ -z "$command" ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    # Values of options that take one, where a command gives a letter its
    # own meaning.
    case $command/$prev in
        swap/-d | swap/--date | swap/-s | swap/--shift | swap/-p | swap/--person | \
            swap/-t | swap/--to | export/-u | export/--feeds-url)
            return
            ;;
        record/-m | record/-r | record/--roster) _rota_files json; return ;;
        record/--status)
            COMPREPLY=($(compgen -W "done late absent excused substituted" -- "$cur"))
            return
            ;;
        record/--source)
            COMPREPLY=($(compgen -W "inspection hotline photo other" -- "$cur"))
            return
            ;;
        record/--category)
            COMPREPLY=($(compgen -W "道路 建筑 车辆 绿植 环卫 市政 亮灯 水系 road building
                                     vehicles greenery sanitation utilities lighting
                                     waterways" -- "$cur"))
            return
            ;;
        record/--date | record/--shift | record/--segment | record/--person | \
            record/--minutes | record/--substitute | record/--note | record/--by | \
            record/--text | record/--found | record/--deadline | record/--at | \
            bulletin/--month | bulletin/--week | bulletin/--day)
            return
            ;;
    esac
    case $prev in
        -f | --format)
            COMPREPLY=($(compgen -W "json curtois" -- "$cur"))
            return
            ;;
        --lang)
            COMPREPLY=($(compgen -W "en zh" -- "$cur"))
            return
            ;;
        -t | --time-limit | -m | --moves | -s | --seed | -j | --threads | -k | \
            --keep-cancelled | --now)
            [ "$command" = export ] && [ "$prev" = -s ] && { _rota_files; return; }
            return
            ;;
        -p | --previous)
            if [ "$command" = export ]; then _rota_dirs; else _rota_files json; fi
            return
            ;;
        -o | --output)
            case $command/$format in
                solve/* | import/* | swap/*) _rota_files json grid ;;
                export/xlsx) _rota_files xlsx ;;
                export/csv) _rota_files csv ;;
                *) _rota_dirs ;;
            esac
            return
            ;;
        --secret) _rota_files; return ;;
        -a | --availability) _rota_dirs; return ;;
        -b | --base | --model) _rota_files json; return ;;
        --units | --segments | --people | --off | --requests)
            _rota_files csv
            return
            ;;
    esac

    local options=""
    case $command in
        check) options="--format --help" ;;
        solve)
            options="--output --format --time-limit --moves --seed --threads --previous
                     --quiet --trace --lang --help"
            ;;
        score) options="--format --json --previous --lang --help" ;;
        export)
            if [ -z "$format" ] && [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "ics sheets xlsx csv html" -- "$cur"))
                return
            fi
            case $format in
                ics) options="--output --previous --secret --now --keep-cancelled --help" ;;
                xlsx | csv) options="--output --lang --help" ;;
                html) options="--output --feeds-url --secret --now --lang --help" ;;
                *) options="--output --help" ;;
            esac
            ;;
        import)
            options="--base --units --segments --people --off --requests --availability
                     --records --model --roster --attendance --findings --output --lang
                     --help"
            ;;
        diff) options="--model --json --help" ;;
        record)
            if [ -z "$format" ] && [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "attendance finding close" -- "$cur"))
                return
            fi
            case $format in
                attendance)
                    options="--model --roster --date --shift --segment --person --status
                             --minutes --substitute --unscheduled --note --by --lang --help"
                    ;;
                finding)
                    options="--model --segment --category --source --text --found --deadline
                             --note --by --lang --help"
                    ;;
                close) options="--model --at --by --note --lang --help" ;;
                *)
                    options="--model --roster --date --shift --segment --person --status
                             --minutes --substitute --unscheduled --note --by --category
                             --source --text --found --deadline --at --lang --help"
                    ;;
            esac
            ;;
        swap) options="--date --shift --person --to --suggest --output --lang --help" ;;
        bulletin) options="--month --week --day --output --json --lang --help" ;;
        demo) options="--output --time-limit --seed --moves --threads --quiet --help" ;;
        help)
            COMPREPLY=($(compgen -W "${commands% help}" -- "$cur"))
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    case $command in
        check | solve | score) _rota_files json txt grid ;;
        diff | export | record | swap | bulletin) _rota_files json ;;
        demo | import) ;;
    esac
}
complete -F _rota rota
